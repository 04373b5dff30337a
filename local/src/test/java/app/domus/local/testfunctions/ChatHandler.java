package app.domus.local.testfunctions;

import app.domus.shared.config.Env;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The WebSocket API's one function: records connects and disconnects, answers {@code echo} through the
 * {@code @connections} API (as platform functions push to clients), and answers {@code $default} with a route response.
 */
public class ChatHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ApiGatewayManagementApiClient connections = ApiGatewayManagementApiClient.builder()
            .endpointOverride(URI.create(Env.required("CONNECTIONS_ENDPOINT")))
            .build();

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        Recorded.record("ChatFunction", Map.of("routeKey", request.getRouteKey(), "connectionId", request.getConnectionId(),
                "eventType", request.getEventType(), "authorizer", String.valueOf(request.getAuthorizer()),
                "body", String.valueOf(event.getBody()), "chatUrl", Env.required("CHAT_URL")));
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        switch (request.getRouteKey()) {
            case "echo" -> connections.postToConnection(post -> post.connectionId(request.getConnectionId())
                    .data(SdkBytes.fromUtf8String("echo: " + event.getBody())));
            case "$default" -> response.setBody("default: " + event.getBody());
            default -> { }
        }
        return response;
    }
}
