package app.domus.realtime.connections;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;

/** {@code unsubscribe}: stops following a topic (following nothing is fine). */
public class UnsubscribeHandler extends WebSocketHandler {
    private final ConnectionStore connections;

    public UnsubscribeHandler() {
        this(RealtimeComponent.create().connections());
    }

    UnsubscribeHandler(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    protected Object handle(WebSocketRequest request) {
        TopicMessage message = request.json(TopicMessage.class);
        connections.unsubscribe(request.connectionId(), message.topic());
        return new TopicReply("unsubscribed", message.topic());
    }
}
