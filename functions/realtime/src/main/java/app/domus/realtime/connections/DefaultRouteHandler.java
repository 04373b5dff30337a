package app.domus.realtime.connections;

import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;
import app.domus.shared.http.ApiException;

/** {@code $default}: any message whose {@code action} names no route is answered with what the API understands. */
public class DefaultRouteHandler extends WebSocketHandler {
    @Override
    protected Object handle(WebSocketRequest request) {
        throw ApiException.validation("action", "must be subscribe, unsubscribe, typing_start or typing_stop, e.g. {\"action\":\"subscribe\",\"topic\":\"vote:<voteId>\"}");
    }
}
