package app.domus.local;

import java.util.Map;

/** One entry of a function's {@code Events}, its properties resolved to local values. */
public record FunctionEvent(String functionLogicalId, String name, String type, Map<String, Object> properties) {

    public String string(String property) {
        Object value = properties.get(property);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String property) {
        Object value = properties.get(property);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
