package app.domus.realtime.typing;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.broadcast.QueueConsumer;
import app.domus.shared.json.Json;

/**
 * Consumes the typing checks queued {@link Typing#QUIET} after each {@code typing_start} and sends {@code typing: false}
 * for those no later start or stop has overtaken. A check is safe to repeat: the first clears the marker it matched.
 */
public class TypingTimeoutHandler extends QueueConsumer {
    private final Typing typing;

    public TypingTimeoutHandler() {
        this(RealtimeComponent.create().typing());
    }

    TypingTimeoutHandler(Typing typing) {
        this.typing = typing;
    }

    @Override
    protected String what() {
        return "Typing check";
    }

    @Override
    protected void handle(String body) {
        Typing.QuietCheck check = Json.read(body, Typing.QuietCheck.class);
        if (check.conversationId() == null || check.userId() == null) throw new IllegalArgumentException("not a typing check");
        typing.quiet(check);
    }
}
