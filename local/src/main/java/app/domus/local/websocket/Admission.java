package app.domus.local.websocket;

import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.Functions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a WebSocket handshake becomes a connection, as API Gateway does: the identity sources must be
 * present (else 401), the REQUEST authorizer's policy must allow (else 403; an {@code Unauthorized} error is a 401),
 * and {@code $connect} must answer 2xx.
 */
final class Admission {
    private final WebSocketApi api;
    private final WebSocketEvents events;
    private final Functions functions;

    /** {@code status} 0 admits, carrying the authorizer context that every later event of the connection gets. */
    record Outcome(int status, Map<String, Object> authorizerContext) {
        boolean admitted() {
            return status == 0;
        }
    }

    Admission(WebSocketApi api, WebSocketEvents events, Functions functions) {
        this.api = api;
        this.events = events;
        this.functions = functions;
    }

    Outcome decide(String connectionId, Instant connectedAt, WebSocketEvents.Handshake handshake) {
        WebSocketApi.Route connect = api.routes().get("$connect");
        Map<String, Object> authorizerContext = null;
        if (connect != null && connect.authorized() && api.authorizer() != null) {
            if (!identityPresent(handshake)) return new Outcome(401, null);
            JsonNode decision;
            try {
                String output = functions.byArn(api.authorizer().functionArn()).invoke(Json.write(events.authorizerRequest(connectionId, connectedAt, handshake)));
                decision = Json.readOrNull(output);
            } catch (FunctionError e) {
                return new Outcome("Unauthorized".equals(e.getMessage()) ? 401 : 500, null);
            }
            if (decision == null || !allows(decision)) return new Outcome(403, null);
            authorizerContext = authorizerContext(decision);
        }
        if (connect != null) {
            try {
                String output = functions.byArn(connect.functionArn()).invoke(Json.write(events.connect(connectionId, connectedAt, handshake, authorizerContext)));
                JsonNode response = Json.readOrNull(output);
                int status = response != null && response.has("statusCode") ? response.get("statusCode").asInt() : 200;
                if (status < 200 || status > 299) return new Outcome(status, null);
            } catch (FunctionError e) {
                return new Outcome(502, null);
            }
        }
        return new Outcome(0, authorizerContext);
    }

    /** The authorizer's {@code context} entries and {@code principalId}, as later events carry them in {@code requestContext.authorizer}. */
    private static Map<String, Object> authorizerContext(JsonNode decision) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : decision.path("context").properties()) {
            context.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue());
        }
        if (decision.has("principalId")) context.put("principalId", decision.get("principalId").asText());
        return context;
    }

    private boolean identityPresent(WebSocketEvents.Handshake handshake) {
        for (String source : api.authorizer().identitySources()) {
            List<String> values;
            if (source.startsWith("route.request.querystring.")) {
                values = handshake.query().get(source.substring("route.request.querystring.".length()));
            } else if (source.startsWith("route.request.header.")) {
                String header = source.substring("route.request.header.".length());
                values = handshake.headers().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(header))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            } else {
                continue;
            }
            if (values == null || values.isEmpty() || values.getFirst().isBlank()) return false;
        }
        return true;
    }

    /** An IAM policy with an Allow and no Deny (or a simple {@code isAuthorized: true}). */
    private static boolean allows(JsonNode decision) {
        if (decision.has("isAuthorized")) return decision.get("isAuthorized").asBoolean();
        JsonNode policy = decision.has("policyDocument") ? decision.get("policyDocument") : decision.path("PolicyDocument");
        JsonNode statements = policy.has("Statement") ? policy.get("Statement") : policy.path("statement");
        boolean allowed = false;
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            String effect = statement.has("Effect") ? statement.get("Effect").asText() : statement.path("effect").asText();
            if (effect.equalsIgnoreCase("Deny")) return false;
            if (effect.equalsIgnoreCase("Allow")) allowed = true;
        }
        return allowed;
    }
}
