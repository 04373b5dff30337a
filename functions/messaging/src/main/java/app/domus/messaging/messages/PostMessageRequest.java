package app.domus.messaging.messages;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;

/**
 * Body of {@code POST /conversations/{conversationId}/messages}: the text, and the photos to attach, each an upload
 * ({@code POST /uploads}) of the sender's that has been sent and not used yet. A message has text, photos, or both.
 */
public record PostMessageRequest(String content, List<String> attachments) implements Validated {
    public static final int MAX_CONTENT = 4000;
    public static final int MAX_ATTACHMENTS = 5;

    @Override
    public void validate(Validator v) {
        v.text("content", content, 1, MAX_CONTENT, false);
        if (attachments != null) {
            v.size("attachments", attachments, 0, MAX_ATTACHMENTS);
            for (int i = 0; i < attachments.size(); i++) v.id("attachments[" + i + "]", attachments.get(i), true);
            if (attachments.stream().distinct().count() < attachments.size()) v.error("attachments", "must not repeat an upload");
        }
        if ((content == null || content.isBlank()) && (attachments == null || attachments.isEmpty())) {
            v.error("content", "is required when nothing is attached");
        }
    }

    public List<String> attachmentIds() {
        return attachments == null ? List.of() : attachments;
    }
}
