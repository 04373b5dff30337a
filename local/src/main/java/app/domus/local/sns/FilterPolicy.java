package app.domus.local.sns;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SNS subscription filter policy, on message attributes (the default scope) or on the message body. Supports
 * exact strings and numbers, {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but} (values or
 * a prefix/suffix), {@code numeric} ranges, {@code exists}, and {@code $or}. Keys must all match; the conditions listed
 * for one key are alternatives.
 */
public final class FilterPolicy {
    private final JsonNode policy;
    private final boolean onMessageBody;

    private FilterPolicy(JsonNode policy, boolean onMessageBody) {
        this.policy = policy;
        this.onMessageBody = onMessageBody;
    }

    public static FilterPolicy parse(String policyJson, boolean onMessageBody) {
        return new FilterPolicy(Json.read(policyJson), onMessageBody);
    }

    public boolean matches(Map<String, MessageAttribute> attributes, String message) {
        if (onMessageBody) {
            JsonNode body = Json.readOrNull(message);
            return body != null && body.isObject() && matchesObject(policy, body);
        }
        return matchesAttributes(policy, attributes);
    }

    private boolean matchesAttributes(JsonNode policyNode, Map<String, MessageAttribute> attributes) {
        for (Map.Entry<String, JsonNode> key : policyNode.properties()) {
            if (key.getKey().equals("$or")) {
                boolean anyAlternative = false;
                for (JsonNode alternative : key.getValue()) anyAlternative |= matchesAttributes(alternative, attributes);
                if (!anyAlternative) return false;
                continue;
            }
            MessageAttribute attribute = attributes.get(key.getKey());
            if (!matchesKey(key.getValue(), attribute == null ? null : candidates(attribute))) return false;
        }
        return true;
    }

    private boolean matchesObject(JsonNode policyNode, JsonNode body) {
        for (Map.Entry<String, JsonNode> key : policyNode.properties()) {
            if (key.getKey().equals("$or")) {
                boolean anyAlternative = false;
                for (JsonNode alternative : key.getValue()) anyAlternative |= matchesObject(alternative, body);
                if (!anyAlternative) return false;
                continue;
            }
            JsonNode value = body.get(key.getKey());
            if (key.getValue().isObject()) {
                if (value == null || !value.isObject() || !matchesObject(key.getValue(), value)) return false;
            } else if (!matchesKey(key.getValue(), value == null ? null : elements(value))) {
                return false;
            }
        }
        return true;
    }

    /** One key's alternatives against the values found for it ({@code null}: the key is absent). */
    private static boolean matchesKey(JsonNode conditions, List<JsonNode> values) {
        for (JsonNode condition : conditions.isArray() ? conditions : List.of(conditions)) {
            if (condition.isObject() && condition.has("exists")) {
                if (condition.get("exists").asBoolean() == (values != null)) return true;
                continue;
            }
            if (values != null && values.stream().anyMatch(value -> matchesValue(condition, value))) return true;
        }
        return false;
    }

    private static boolean matchesValue(JsonNode condition, JsonNode value) {
        if (condition.isTextual()) return value.isTextual() && value.asText().equals(condition.asText());
        if (condition.isNumber()) return value.isNumber() && value.decimalValue().compareTo(condition.decimalValue()) == 0;
        if (condition.isBoolean() || condition.isNull()) return condition.equals(value);
        if (condition.has("prefix")) return value.isTextual() && value.asText().startsWith(condition.get("prefix").asText());
        if (condition.has("suffix")) return value.isTextual() && value.asText().endsWith(condition.get("suffix").asText());
        if (condition.has("equals-ignore-case")) return value.isTextual() && value.asText().equalsIgnoreCase(condition.get("equals-ignore-case").asText());
        if (condition.has("anything-but")) return anythingBut(condition.get("anything-but"), value);
        if (condition.has("numeric")) return value.isNumber() && numeric(condition.get("numeric"), value.decimalValue());
        throw new IllegalArgumentException("Unsupported filter policy condition " + condition);
    }

    private static boolean anythingBut(JsonNode excluded, JsonNode value) {
        if (excluded.isObject()) return !matchesValue(excluded, value);
        for (JsonNode one : excluded.isArray() ? excluded : List.of(excluded)) {
            if (matchesValue(one, value)) return false;
        }
        return true;
    }

    private static boolean numeric(JsonNode comparisons, BigDecimal value) {
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int order = value.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).asText()) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalArgumentException("Unsupported numeric operator " + comparisons.get(i));
            };
            if (!holds) return false;
        }
        return true;
    }

    private static List<JsonNode> candidates(MessageAttribute attribute) {
        return switch (attribute.dataType()) {
            case "Number" -> List.of(new DecimalNode(new BigDecimal(attribute.value())));
            case "String.Array" -> elements(Json.read(attribute.value()));
            default -> List.of(TextNode.valueOf(attribute.value()));
        };
    }

    private static List<JsonNode> elements(JsonNode value) {
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) value.forEach(elements::add); else elements.add(value);
        return elements;
    }
}
