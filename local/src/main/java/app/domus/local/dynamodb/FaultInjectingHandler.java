package app.domus.local.dynamodb;

import app.domus.local.faults.FaultInjector;
import app.domus.local.faults.FaultInjector.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of DynamoDB Local: asks the {@link FaultInjector} about each DynamoDB API call ({@code X-Amz-Target}
 * {@code DynamoDB_20120810.<Operation>}; the Streams API and the local cloud's own calls pass) and answers an injected
 * fault as DynamoDB does on the wire, before DynamoDB Local sees the call, so nothing is written.
 */
final class FaultInjectingHandler extends Handler.Wrapper {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultInjector faults;

    FaultInjectingHandler(FaultInjector faults, Handler inner) {
        super(inner);
        this.faults = faults;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!faults.active() || request.getHeaders().get(FaultInjector.INTERNAL_CALLER_HEADER) != null) {
            return super.handle(request, response, callback);
        }
        String target = request.getHeaders().get("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) return super.handle(request, response, callback);
        String operation = target.substring(TARGET_PREFIX.length());
        Optional<Fault> fault = faults.decide("dynamodb", operation);
        if (fault.isEmpty()) return super.handle(request, response, callback);
        fault.get().pause();
        if (!fault.get().kind().fails()) return super.handle(request, response, callback);
        WireError error = wireError(fault.get().kind(), operation, () -> transactItems(request));
        response.setStatus(error.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
        response.getHeaders().put("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(error.body())), callback);
        return true;
    }

    /** DynamoDB's answer to a call that meets the fault: status and JSON body, as the SDK parses them. */
    record WireError(int status, Map<String, Object> body) {}

    static WireError wireError(FaultInjector.Kind kind, String operation, java.util.function.IntSupplier transactItems) {
        Map<String, Object> body = new LinkedHashMap<>();
        return switch (kind) {
            case THROTTLING -> {
                body.put("__type", TYPE_PREFIX + "ProvisionedThroughputExceededException");
                body.put("message", "The level of configured provisioned throughput for the table was exceeded."
                        + " Consider increasing your provisioning level with the UpdateTable API. (injected by the local cloud)");
                yield new WireError(400, body);
            }
            case CONDITIONAL_CHECK_FAILED, TRANSACTION_CONFLICT -> {
                if (!operation.equals("TransactWriteItems")) {
                    body.put("__type", TYPE_PREFIX + "ConditionalCheckFailedException");
                    body.put("message", "The conditional request failed (injected by the local cloud)");
                    yield new WireError(400, body);
                }
                String code = kind == FaultInjector.Kind.TRANSACTION_CONFLICT ? "TransactionConflict" : "ConditionalCheckFailed";
                List<Map<String, String>> reasons = new ArrayList<>();
                int items = Math.max(1, transactItems.getAsInt());
                for (int i = 0; i < items; i++) {
                    reasons.add(i == 0 ? Map.of("Code", code, "Message", kind == FaultInjector.Kind.TRANSACTION_CONFLICT
                            ? "Transaction is ongoing for the item" : "The conditional request failed") : Map.of("Code", "None"));
                }
                body.put("__type", TYPE_PREFIX + "TransactionCanceledException");
                body.put("message", "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                        + String.join(", ", reasons.stream().map(reason -> reason.get("Code")).toList()) + "]");
                body.put("CancellationReasons", reasons);
                yield new WireError(400, body);
            }
            default -> {
                body.put("__type", TYPE_PREFIX + "InternalServerError");
                body.put("message", "Internal server error (injected by the local cloud)");
                yield new WireError(500, body);
            }
        };
    }

    /** How many items the transaction in the request's body has: one cancellation reason each, as DynamoDB answers. */
    private static int transactItems(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            JsonNode body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return body.path("TransactItems").size();
        } catch (Exception e) {
            return 1;
        }
    }
}
