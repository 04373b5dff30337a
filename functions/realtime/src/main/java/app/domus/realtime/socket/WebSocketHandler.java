package app.domus.realtime.socket;

import app.domus.shared.snapstart.Priming;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every WebSocket route handler: structured logging with a correlation id (API Gateway's request id),
 * and one reply format. A handler returns the message to send back to the client, or null for none. A refusal
 * ({@link ApiException}, e.g. from the access service) becomes an {@link ErrorReply} carrying the same problem
 * type URI the HTTP API would use; anything unexpected is logged and answered with only the correlation id.
 */
public abstract class WebSocketHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandler.class);

    protected abstract Object handle(WebSocketRequest request);

    @Override
    public final APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        String correlationId = Observability.acceptOrCreate(requestId);
        return Observability.invocation(context, correlationId, () -> {
            try {
                return reply(200, handle(new WebSocketRequest(event, correlationId)));
            } catch (ApiException e) {
                LOG.info("WebSocket request refused: {} {}", e.type().status(), e.type().name());
                return reply(e.type().status(), ErrorReply.of(e));
            } catch (RuntimeException | Error e) {
                LOG.error("Unhandled error on WebSocket route", e);
                return reply(500, ErrorReply.of(new ApiException(ProblemType.INTERNAL,
                        "The message could not be handled. Quote correlation id " + correlationId + " when you report it.")));
            }
        });
    }

    private static APIGatewayV2WebSocketResponse reply(int status, Object body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        if (body != null) response.setBody(Json.write(body));
        return response;
    }

    /**
     * What a client receives when its message is refused: {@code {"type":"error","status":400,"problem":...,
     * "message":...,"errors":[{"field":...,"message":...}]}}, the field errors only for invalid messages.
     */
    public record ErrorReply(String type, int status, String problem, String message, List<FieldError> errors) {
        static ErrorReply of(ApiException e) {
            return new ErrorReply("error", e.type().status(), e.type().uri(), e.detail(), e.errors().isEmpty() ? null : e.errors());
        }
    }

    /** Before the snapshot: every request here has effects, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
