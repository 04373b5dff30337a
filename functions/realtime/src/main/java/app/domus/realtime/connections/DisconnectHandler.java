package app.domus.realtime.connections;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;

/** {@code $disconnect}: forgets the connection and its subscriptions. */
public class DisconnectHandler extends WebSocketHandler {
    private final ConnectionStore connections;

    public DisconnectHandler() {
        this(RealtimeComponent.create().connections());
    }

    DisconnectHandler(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    protected Object handle(WebSocketRequest request) {
        connections.close(request.connectionId());
        return null;
    }
}
