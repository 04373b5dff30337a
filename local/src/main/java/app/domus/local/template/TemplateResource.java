package app.domus.local.template;

import java.util.Map;
import java.util.Optional;

/** One entry of the template's {@code Resources}, its properties still unresolved. */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties, String condition) {

    public boolean isOfType(String resourceType) {
        return type.equals(resourceType);
    }

    public Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> mapProperty(String name) {
        Object value = properties.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
