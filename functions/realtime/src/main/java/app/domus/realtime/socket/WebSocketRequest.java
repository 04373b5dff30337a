package app.domus.realtime.socket;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.ProblemType;
import app.domus.shared.validation.Validated;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A WebSocket API event (connect, message or disconnect) as a route handler sees it. */
public final class WebSocketRequest {
    /** Clients send small control messages; anything larger is refused before parsing. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024;
    private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9+/=_-]{1,128}");

    private final APIGatewayV2WebSocketEvent event;
    private final String correlationId;

    public WebSocketRequest(APIGatewayV2WebSocketEvent event, String correlationId) {
        this.event = event;
        this.correlationId = correlationId;
    }

    /** The connection API Gateway assigned; anything else in its place means the event is not from the gateway. */
    public String connectionId() {
        var context = event.getRequestContext();
        String id = context == null ? null : context.getConnectionId();
        if (id == null || !CONNECTION_ID.matcher(id).matches()) {
            throw new ApiException(ProblemType.VALIDATION, "The event names no valid connection");
        }
        return id;
    }

    /** The user the authorizer vouched for on {@code $connect}. */
    public Optional<String> authorizedUserId() {
        var context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        Object userId = authorizer == null ? null : authorizer.get("userId");
        return userId instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /**
     * Parses and validates the message with exactly the rules of an HTTP body (strict types, known problems for
     * malformed JSON, wrong types and oversize messages), so that both APIs refuse the same input the same way.
     */
    public <T extends Validated> T json(Class<T> type) {
        var asHttp = APIGatewayV2HTTPEvent.builder().withBody(event.getBody()).withIsBase64Encoded(event.isIsBase64Encoded())
                .withHeaders(Map.of("content-type", "application/json")).build();
        return new HttpRequest(asHttp, correlationId, MAX_MESSAGE_BYTES).json(type);
    }
}
