package app.domus.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A SAM/CloudFormation template as the local cloud reads it: the single source of what exists. */
public final class Template {
    private final Path location;
    private final Map<String, TemplateParameter> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, Object> globals;
    private final Map<String, TemplateResource> resources;

    private Template(Path location, Map<String, Object> raw, Map<String, String> parameterOverrides) {
        this.location = location;
        this.parameters = parseParameters(section(raw, "Parameters"));
        Map<String, Object> document = LanguageExtensions.expand(raw, name -> {
            TemplateParameter parameter = parameters.get(name);
            return parameter == null ? null : parameter.valueOf(parameterOverrides.get(name));
        });
        this.conditions = section(document, "Conditions");
        this.mappings = section(document, "Mappings");
        this.globals = section(document, "Globals");
        this.resources = parseResources(section(document, "Resources"));
    }

    /**
     * Reads the template and expands its {@code Fn::ForEach} loops ({@code AWS::LanguageExtensions}), so that what
     * this class hands out is plain resources. A loop over a parameter iterates the parameter's default.
     */
    public static Template load(Path file) throws IOException {
        return load(file, Map.of());
    }

    /** As {@link #load(Path)}, with a loop over a parameter iterating {@code parameterOverrides}' value where given. */
    public static Template load(Path file, Map<String, String> parameterOverrides) throws IOException {
        return new Template(file.toAbsolutePath().normalize(), CloudFormationYaml.read(file), parameterOverrides);
    }

    /** The directory the template lives in: the repository root for the platform's template. */
    public Path directory() {
        return location.getParent();
    }

    public Path location() {
        return location;
    }

    public Map<String, TemplateParameter> parameters() {
        return parameters;
    }

    public Map<String, Object> conditions() {
        return conditions;
    }

    public Map<String, Object> mappings() {
        return mappings;
    }

    /** {@code Globals.Function}: defaults that every {@code AWS::Serverless::Function} inherits. */
    public Map<String, Object> functionGlobals() {
        return map(globals.get("Function"));
    }

    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public TemplateResource resource(String logicalId) {
        TemplateResource resource = resources.get(logicalId);
        if (resource == null) throw new IllegalArgumentException("No resource " + logicalId + " in " + location);
        return resource;
    }

    public List<TemplateResource> resourcesOfType(String type) {
        return resources.values().stream().filter(resource -> resource.isOfType(type)).toList();
    }

    private static Map<String, TemplateParameter> parseParameters(Map<String, Object> section) {
        Map<String, TemplateParameter> parsed = new LinkedHashMap<>();
        section.forEach((name, definition) -> {
            Map<String, Object> fields = map(definition);
            parsed.put(name, new TemplateParameter(name, String.valueOf(fields.getOrDefault("Type", "String")), fields.get("Default")));
        });
        return Collections.unmodifiableMap(parsed);
    }

    /**
     * A resource's {@code Type}, {@code Properties} and {@code Condition}. {@code DeletionPolicy},
     * {@code UpdateReplacePolicy}, {@code DependsOn} and {@code Metadata} only steer CloudFormation's stack lifecycle
     * and are ignored; the data directory outlives every restart anyway.
     */
    private static Map<String, TemplateResource> parseResources(Map<String, Object> section) {
        Map<String, TemplateResource> parsed = new LinkedHashMap<>();
        section.forEach((logicalId, definition) -> {
            Map<String, Object> fields = map(definition);
            Object type = fields.get("Type");
            if (type == null) throw new IllegalArgumentException("Resource " + logicalId + " has no Type");
            parsed.put(logicalId, new TemplateResource(logicalId, type.toString(), map(fields.get("Properties")),
                    fields.get("Condition") == null ? null : fields.get("Condition").toString()));
        });
        return Collections.unmodifiableMap(parsed);
    }

    private static Map<String, Object> section(Map<String, Object> document, String name) {
        return map(document.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
