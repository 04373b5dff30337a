package app.domus.realtime.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;

/** WebSocket API events as API Gateway passes them to route handlers. */
public final class SocketEvents {
    private SocketEvents() {}

    /** {@code $connect} after the authorizer admitted {@code userId} (null: no authorizer context). */
    public static APIGatewayV2WebSocketEvent connect(String connectionId, String userId) {
        APIGatewayV2WebSocketEvent event = event(connectionId, "$connect", "CONNECT", null);
        if (userId != null) event.getRequestContext().setAuthorizer(Map.of("userId", userId, "principalId", userId));
        return event;
    }

    public static APIGatewayV2WebSocketEvent message(String connectionId, String routeKey, String body) {
        return event(connectionId, routeKey, "MESSAGE", body);
    }

    public static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return event(connectionId, "$disconnect", "DISCONNECT", null);
    }

    private static APIGatewayV2WebSocketEvent event(String connectionId, String routeKey, String eventType, String body) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setConnectionId(connectionId);
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setRequestId("request-" + System.nanoTime());
        context.setStage("dev");
        context.setApiId("wsapi");
        context.setDomainName("wsapi.execute-api.eu-central-1.amazonaws.com");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
