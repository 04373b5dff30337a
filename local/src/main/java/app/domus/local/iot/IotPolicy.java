package app.domus.local.iot;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The AWS IoT Core policy a custom authorizer returned for one connection: its statements' {@code Effect},
 * {@code Action} and {@code Resource}, evaluated as IoT Core evaluates them. An action on a resource is allowed when
 * some statement allows it and none denies it; {@code *} and {@code ?} are IAM wildcards in both (MQTT's {@code +} and
 * {@code #} mean themselves there), actions compare case-insensitively, resources exactly, and
 * {@code ${iot:ClientId}} in a resource stands for the connection's client id.
 */
public final class IotPolicy {
    private static final String CLIENT_ID_VARIABLE = "${iot:ClientId}";
    private final List<Statement> statements;

    private record Statement(boolean allow, List<Pattern> actions, List<String> resources) {}

    private IotPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    /**
     * The union of an authorizer's {@code policyDocuments}: each a JSON string (AWS's documented shape) or, leniently,
     * an object.
     *
     * @throws IllegalArgumentException when a document is not a policy
     */
    public static IotPolicy of(JsonNode policyDocuments) {
        List<Statement> statements = new ArrayList<>();
        for (JsonNode document : elements(policyDocuments)) {
            JsonNode policy = document.isTextual() ? Json.readOrNull(document.asText()) : document;
            if (policy == null || !policy.isObject()) throw new IllegalArgumentException("a policy document is not a JSON object: " + document);
            for (JsonNode statement : elements(policy.path("Statement"))) statements.add(statement(statement));
        }
        return new IotPolicy(List.copyOf(statements));
    }

    /** Whether the connection of {@code clientId} may take {@code action} ({@code iot:Publish}) on {@code resource} (an ARN). */
    public boolean allows(String action, String resource, String clientId) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (!applies(statement, action, resource, clientId)) continue;
            if (!statement.allow()) return false;
            allowed = true;
        }
        return allowed;
    }

    private static boolean applies(Statement statement, String action, String resource, String clientId) {
        boolean actionMatches = statement.actions().stream().anyMatch(pattern -> pattern.matcher(action.toLowerCase(Locale.ROOT)).matches());
        return actionMatches && statement.resources().stream().anyMatch(pattern -> resourcePattern(pattern, clientId).matcher(resource).matches());
    }

    private static Statement statement(JsonNode statement) {
        String effect = statement.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) throw new IllegalArgumentException("a statement's Effect must be Allow or Deny: " + statement);
        List<Pattern> actions = texts(statement.path("Action"), statement).stream().map(action -> wildcard(action.toLowerCase(Locale.ROOT))).toList();
        return new Statement(effect.equals("Allow"), actions, texts(statement.path("Resource"), statement));
    }

    private static List<String> texts(JsonNode value, JsonNode statement) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : elements(value)) {
            if (!element.isTextual()) throw new IllegalArgumentException("Action and Resource must be strings: " + statement);
            texts.add(element.asText());
        }
        if (texts.isEmpty()) throw new IllegalArgumentException("a statement needs an Action and a Resource: " + statement);
        return texts;
    }

    /** A single value or an array of them, as IAM allows for {@code Statement}, {@code Action} and {@code Resource}. */
    private static List<JsonNode> elements(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) return List.of();
        if (!value.isArray()) return List.of(value);
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** The resource pattern with {@code ${iot:ClientId}} replaced by the client id, which stands for itself (no wildcards in it). */
    private static Pattern resourcePattern(String pattern, String clientId) {
        List<String> regex = new ArrayList<>();
        for (String part : pattern.split(Pattern.quote(CLIENT_ID_VARIABLE), -1)) regex.add(wildcardRegex(part));
        return Pattern.compile(String.join(Pattern.quote(clientId), regex), Pattern.DOTALL);
    }

    private static Pattern wildcard(String text) {
        return Pattern.compile(wildcardRegex(text), Pattern.DOTALL);
    }

    /** IAM's wildcards: {@code *} any run of characters (across {@code /} too), {@code ?} exactly one. */
    private static String wildcardRegex(String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
        return regex.toString();
    }
}
