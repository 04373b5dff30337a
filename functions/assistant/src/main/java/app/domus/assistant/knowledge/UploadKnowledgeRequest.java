package app.domus.assistant.knowledge;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;

/**
 * Body of {@code POST /buildings/{buildingId}/knowledge}: a title, the media type, and the content: the text itself for
 * {@code text/plain} and {@code text/markdown}, the file's bytes in base64 for {@code application/pdf}.
 */
public record UploadKnowledgeRequest(String title, String mediaType, String content) implements Validated {
    public static final List<String> MEDIA_TYPES = List.of("application/pdf", "text/plain", "text/markdown");

    @Override
    public void validate(Validator v) {
        v.text("title", title, 1, 200, true);
        if (v.required("mediaType", mediaType)) {
            v.check(MEDIA_TYPES.contains(mediaType), "mediaType", "must be application/pdf, text/plain or text/markdown");
        }
        v.required("content", content);
    }

    boolean pdf() {
        return "application/pdf".equals(mediaType);
    }
}
