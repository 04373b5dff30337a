package app.domus.assistant.chat;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /chat}: the resident's message, and the conversation it continues (none: a new one). */
public record ChatRequest(String message, String conversationId) implements Validated {
    @Override
    public void validate(Validator v) {
        v.text("message", message, 1, 2000, true);
        v.id("conversationId", conversationId, false);
    }
}
