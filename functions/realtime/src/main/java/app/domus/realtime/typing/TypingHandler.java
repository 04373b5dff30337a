package app.domus.realtime.typing;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.connections.ConnectionItem;
import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;

/**
 * {@code typing_start} and {@code typing_stop}: relayed to the conversation's other members who are online. Nothing is
 * answered on success (the indicator is fire-and-forget); a conversation the user is not in answers not-found.
 */
public class TypingHandler extends WebSocketHandler {
    static final String START = "typing_start";

    private final ConnectionStore connections;
    private final Typing typing;

    public TypingHandler() {
        this(RealtimeComponent.create());
    }

    private TypingHandler(RealtimeComponent wiring) {
        this(wiring.connections(), wiring.typing());
    }

    TypingHandler(ConnectionStore connections, Typing typing) {
        this.connections = connections;
        this.typing = typing;
    }

    @Override
    protected Object handle(WebSocketRequest request) {
        TypingMessage message = request.json(TypingMessage.class);
        ConnectionItem connection = connections.find(request.connectionId())
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This connection has expired; connect again"));
        if (START.equals(message.action())) {
            typing.start(connection.getUserId(), message.conversationId());
        } else {
            typing.stop(connection.getUserId(), message.conversationId());
        }
        return null;
    }
}
