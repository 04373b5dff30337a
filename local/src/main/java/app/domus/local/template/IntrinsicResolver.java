package app.domus.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against the local resources, the way CloudFormation does at deploy
 * time: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::If} and the condition functions, {@code Fn::FindInMap} (with the language extensions' {@code DefaultValue}),
 * {@code Fn::Base64}. {@code Fn::ForEach} is already expanded when the template is loaded ({@link LanguageExtensions}).
 */
public final class IntrinsicResolver {
    /** {@code AWS::NoValue}: the enclosing property or list element disappears. */
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final Map<String, Object> parameterValues;
    private final Map<String, String> pseudoParameters;
    private final ResourceReferences references;
    private final Map<String, Boolean> evaluatedConditions = new HashMap<>();

    public IntrinsicResolver(Template template, Map<String, String> parameterOverrides, Map<String, String> pseudoParameters,
                             ResourceReferences references) {
        this.template = template;
        this.pseudoParameters = Map.copyOf(pseudoParameters);
        this.references = references;
        this.parameterValues = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> parameterValues.put(name, parameter.valueOf(parameterOverrides.get(name))));
    }

    /** Resolves every intrinsic function inside {@code node}; plain values come back unchanged. */
    public Object resolve(Object node) {
        Object resolved = resolveNode(node);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Resolves {@code node} to the string a resource property or environment variable would receive. */
    public String resolveString(Object node) {
        Object resolved = resolve(node);
        return resolved == null ? null : stringOf(resolved);
    }

    public Object parameter(String name) {
        return parameterValues.get(name);
    }

    /** Whether a resource exists in this deployment, given its {@code Condition}. */
    public boolean isDeployed(TemplateResource resource) {
        return resource.condition() == null || condition(resource.condition());
    }

    public boolean condition(String name) {
        Boolean known = evaluatedConditions.get(name);
        if (known != null) return known;
        Object definition = template.conditions().get(name);
        if (definition == null) throw new IllegalArgumentException("Unknown condition " + name);
        boolean value = truth(resolveNode(definition));
        evaluatedConditions.put(name, value);
        return value;
    }

    private Object resolveNode(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return evaluate(key, only.getValue());
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object resolvedValue = resolveNode(value);
                if (resolvedValue != NO_VALUE) resolved.put(String.valueOf(key), resolvedValue);
            });
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object element : list) {
                Object resolvedElement = resolveNode(element);
                if (resolvedElement != NO_VALUE) resolved.add(resolvedElement);
            }
            return resolved;
        }
        return node;
    }

    private Object evaluate(String function, Object argument) {
        return switch (function) {
            case "Ref" -> ref(String.valueOf(resolveNode(argument)));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(list(argument));
            case "Fn::Select" -> select(list(argument));
            case "Fn::Split" -> split(list(argument));
            case "Fn::If" -> ifThenElse(list(argument));
            case "Fn::Equals" -> equalsFn(list(argument));
            case "Fn::Not" -> !truth(resolveNode(list(argument).getFirst()));
            case "Fn::And" -> list(argument).stream().allMatch(condition -> truth(resolveNode(condition)));
            case "Fn::Or" -> list(argument).stream().anyMatch(condition -> truth(resolveNode(condition)));
            case "Fn::FindInMap" -> findInMap(list(argument));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(stringOf(resolveNode(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(pseudoParameters.get("AWS::Region") + "a");
            default -> throw new IllegalArgumentException(function + " is not supported by the local cloud");
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) return NO_VALUE;
        if (name.equals("AWS::NotificationARNs")) return List.of();
        if (pseudoParameters.containsKey(name)) return pseudoParameters.get(name);
        if (parameterValues.containsKey(name)) return parameterValues.get(name);
        // SAM's !Ref Function.Alias (and .Version): an attribute of the function that AutoPublishAlias publishes.
        int dot = name.indexOf('.');
        if (dot > 0 && !template.resources().containsKey(name)) {
            return references.attribute(template.resource(name.substring(0, dot)), name.substring(dot + 1));
        }
        return references.ref(template.resource(name));
    }

    private Object getAtt(Object argument) {
        List<Object> parts = list(resolveNode(argument));
        if (parts.size() != 2) throw new IllegalArgumentException("Fn::GetAtt needs [Resource, Attribute], got " + parts);
        return references.attribute(template.resource(String.valueOf(parts.get(0))), String.valueOf(parts.get(1)));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = Template.map(resolveNode(list.get(1)));
        } else {
            text = String.valueOf(argument);
            variables = Map.of();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = stringOf(variables.get(variable));
            } else if (!pseudoParameters.containsKey(variable) && !parameterValues.containsKey(variable) && variable.contains(".")) {
                int dot = variable.indexOf('.');
                replacement = references.attribute(template.resource(variable.substring(0, dot)), variable.substring(dot + 1));
            } else {
                replacement = stringOf(ref(variable));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String join(List<Object> arguments) {
        String delimiter = String.valueOf(arguments.get(0));
        List<String> parts = list(resolveNode(arguments.get(1))).stream().map(IntrinsicResolver::stringOf).toList();
        return String.join(delimiter, parts);
    }

    private Object select(List<Object> arguments) {
        int index = Integer.parseInt(stringOf(resolveNode(arguments.get(0))));
        return list(resolveNode(arguments.get(1))).get(index);
    }

    private List<String> split(List<Object> arguments) {
        String delimiter = String.valueOf(arguments.get(0));
        return List.of(stringOf(resolveNode(arguments.get(1))).split(Pattern.quote(delimiter), -1));
    }

    private Object ifThenElse(List<Object> arguments) {
        return condition(String.valueOf(arguments.get(0))) ? resolveNode(arguments.get(1)) : resolveNode(arguments.get(2));
    }

    private boolean equalsFn(List<Object> arguments) {
        return Objects.equals(stringOf(resolveNode(arguments.get(0))), stringOf(resolveNode(arguments.get(1))));
    }

    /** {@code [Map, TopKey, SecondKey]}, or with {@code {DefaultValue: ...}} fourth ({@code AWS::LanguageExtensions}). */
    private Object findInMap(List<Object> arguments) {
        Map<String, Object> topLevel = Template.map(template.mappings().get(stringOf(resolveNode(arguments.get(0)))));
        Map<String, Object> secondLevel = Template.map(topLevel.get(stringOf(resolveNode(arguments.get(1)))));
        Object value = secondLevel.get(stringOf(resolveNode(arguments.get(2))));
        if (value != null) return value;
        Map<String, Object> options = arguments.size() > 3 ? Template.map(arguments.get(3)) : Map.of();
        if (options.containsKey("DefaultValue")) return resolveNode(options.get("DefaultValue"));
        throw new IllegalArgumentException("Fn::FindInMap found nothing for " + arguments);
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean bool ? bool : Boolean.parseBoolean(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value instanceof List<?> list) return (List<Object>) list;
        throw new IllegalArgumentException("Expected a list, got " + value);
    }

    private static String stringOf(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(IntrinsicResolver::stringOf).toList());
        }
        return String.valueOf(value);
    }
}
