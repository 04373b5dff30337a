package app.domus.messaging.messages;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /conversations/{conversationId}/read}: the newest message the reader has seen. */
public record ReadRequest(String upToMessageId) implements Validated {
    @Override
    public void validate(Validator v) {
        v.id("upToMessageId", upToMessageId, true);
    }
}
