package app.domus.messaging.messages;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code PATCH /conversations/{conversationId}/messages/{messageId}}: the new text. */
public record EditMessageRequest(String content) implements Validated {
    @Override
    public void validate(Validator v) {
        v.text("content", content, 1, PostMessageRequest.MAX_CONTENT, true);
    }
}
