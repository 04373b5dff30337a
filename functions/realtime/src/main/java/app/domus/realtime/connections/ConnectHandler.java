package app.domus.realtime.connections;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;

/** {@code $connect}: records the connection of the user the authorizer admitted; a 401 refuses the handshake. */
public class ConnectHandler extends WebSocketHandler {
    private final ConnectionStore connections;

    public ConnectHandler() {
        this(RealtimeComponent.create().connections());
    }

    ConnectHandler(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    protected Object handle(WebSocketRequest request) {
        String userId = request.authorizedUserId()
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "Connect with a valid access token"));
        connections.open(request.connectionId(), userId);
        return null;
    }
}
