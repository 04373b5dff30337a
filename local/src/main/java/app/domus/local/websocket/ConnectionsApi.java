package app.domus.local.websocket;

import app.domus.local.aws.AwsApi;
import app.domus.local.aws.AwsRequest;
import app.domus.local.aws.AwsResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API Gateway management API that functions call to reach clients:
 * {@code POST|GET|DELETE /{stage}/@connections/{connectionId}} (PostToConnection, GetConnection, DeleteConnection).
 * A connection that is gone answers 410 {@code GoneException}, as in AWS.
 */
public final class ConnectionsApi implements AwsApi {
    private final Connections connections;

    ConnectionsApi(Connections connections) {
        this.connections = connections;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String connectionId = java.net.URLDecoder.decode(
                request.path().substring(request.path().indexOf("/@connections/") + "/@connections/".length()), StandardCharsets.UTF_8);
        Optional<Connection> connection = connections.get(connectionId);
        if (connection.isEmpty()) {
            return AwsResponse.json(410, Map.of("__type", "GoneException", "message", "Connection " + connectionId + " is gone"));
        }
        return switch (request.method()) {
            case "POST" -> {
                connection.get().send(new String(request.body(), StandardCharsets.UTF_8));
                yield AwsResponse.empty(200);
            }
            case "GET" -> {
                Map<String, Object> description = new LinkedHashMap<>();
                description.put("connectedAt", connection.get().connectedAt().toString());
                description.put("identity", Map.of("sourceIp", connection.get().sourceIp(), "userAgent", connection.get().userAgent()));
                description.put("lastActiveAt", connection.get().lastActiveAt().toString());
                yield AwsResponse.json(200, description);
            }
            case "DELETE" -> {
                connections.remove(connectionId).ifPresent(Connection::close);
                yield AwsResponse.empty(204);
            }
            default -> AwsResponse.json(405, Map.of("message", request.method() + " is not a @connections operation"));
        };
    }
}
