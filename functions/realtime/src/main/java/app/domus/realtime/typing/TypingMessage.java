package app.domus.realtime.typing;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** {@code {"action":"typing_start","conversationId":"<id>"}}, and the same with {@code typing_stop}. */
public record TypingMessage(String action, String conversationId) implements Validated {
    @Override
    public void validate(Validator v) {
        v.id("conversationId", conversationId, true);
    }
}
