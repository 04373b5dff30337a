package app.domus.local.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The part of the {@code AWS::LanguageExtensions} transform the local cloud needs: {@code Fn::ForEach::<LoopName>}
 * expanded in {@code Resources}, {@code Conditions} and {@code Outputs} (resource properties included, loops nested
 * in loops too), before anything else reads the template, as CloudFormation runs this transform before SAM's.
 *
 * <p>A loop is {@code [Identifier, Collection, {OutputKey: OutputValue, ...}]}. The collection is a list or a
 * {@code Ref} to a {@code CommaDelimitedList} (or {@code List<...>}) parameter. For each item, {@code ${Identifier}}
 * becomes the item and {@code &{Identifier}} the item without its non-alphanumeric characters, in keys and strings
 * (also inside {@code Fn::Sub}), and {@code {"Ref": Identifier}} becomes the item. A {@code Fn::Sub} left without any
 * {@code ${...}} becomes its plain string, so {@code !GetAtt [!Sub '${Id}Queue', Arn]} names the replicated resource.
 * Every output key must contain {@code ${Identifier}} or {@code &{Identifier}}, and the keys a loop produces must not
 * meet each other nor any other key of the same object.
 */
final class LanguageExtensions {
    static final String TRANSFORM = "AWS::LanguageExtensions";
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private final Function<String, Object> parameters;
    /** Each loop's name and its definition: a nested loop is met again on every pass of the loop around it. */
    private final Map<String, Object> loops = new HashMap<>();

    private LanguageExtensions(Function<String, Object> parameters) {
        this.parameters = parameters;
    }

    /**
     * The document with every loop expanded; {@code parameters} gives a parameter's value (a list for list types).
     * A document without {@code Fn::ForEach} comes back as it is.
     */
    static Map<String, Object> expand(Map<String, Object> document, Function<String, Object> parameters) {
        LanguageExtensions extensions = new LanguageExtensions(parameters);
        Map<String, Object> expanded = new LinkedHashMap<>(document);
        for (String section : SECTIONS) {
            if (document.get(section) instanceof Map<?, ?> entries) expanded.put(section, extensions.object(entries, Map.of()));
        }
        if (extensions.loops.isEmpty()) return document;
        requireTransform(document.get("Transform"));
        if (expanded.get("Resources") instanceof Map<?, ?> resources) {
            for (String loop : extensions.loops.keySet()) {
                if (resources.containsKey(loop)) throw new IllegalArgumentException("Loop name " + loop + " is also a resource's logical id");
            }
            for (Object logicalId : resources.keySet()) {
                if (!IDENTIFIER.matcher(String.valueOf(logicalId)).matches()) {
                    throw new IllegalArgumentException("Fn::ForEach made the logical id '" + logicalId + "', which is not alphanumeric (use &{...})");
                }
            }
        }
        return expanded;
    }

    private static void requireTransform(Object transform) {
        List<String> transforms = transform instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : transform == null ? List.of() : List.of(String.valueOf(transform));
        int at = transforms.indexOf(TRANSFORM);
        if (at < 0) throw new IllegalArgumentException("Fn::ForEach needs Transform " + TRANSFORM);
        int sam = transforms.indexOf("AWS::Serverless-2016-10-31");
        if (sam >= 0 && sam < at) throw new IllegalArgumentException(TRANSFORM + " must come before AWS::Serverless-2016-10-31 in Transform");
    }

    private Map<String, Object> object(Map<?, ?> entries, Map<String, String> bindings) {
        Map<String, Object> result = new LinkedHashMap<>();
        entries.forEach((rawKey, value) -> {
            String key = String.valueOf(rawKey);
            if (key.startsWith(FOR_EACH)) {
                loop(key, value, bindings).forEach((outputKey, output) -> putUnique(result, outputKey, output));
            } else {
                putUnique(result, substitute(key, bindings), value(value, bindings));
            }
        });
        return result;
    }

    private Map<String, Object> loop(String key, Object definition, Map<String, String> bindings) {
        String loopName = key.substring(FOR_EACH.length());
        if (!IDENTIFIER.matcher(loopName).matches()) throw new IllegalArgumentException(key + ": the loop name must be alphanumeric");
        Object known = loops.putIfAbsent(loopName, definition);
        if (known != null && known != definition) throw new IllegalArgumentException(key + ": another loop has that name");
        if (!(definition instanceof List<?> arguments) || arguments.size() != 3) {
            throw new IllegalArgumentException(key + " needs [Identifier, Collection, {OutputKey: OutputValue}]");
        }
        String identifier = String.valueOf(arguments.get(0));
        if (!IDENTIFIER.matcher(identifier).matches()) throw new IllegalArgumentException(key + ": the identifier must be alphanumeric");
        if (bindings.containsKey(identifier)) throw new IllegalArgumentException(key + ": an enclosing loop already uses the identifier " + identifier);
        if (!(arguments.get(2) instanceof Map<?, ?> fragment)) throw new IllegalArgumentException(key + ": the output must be a mapping");
        for (Object outputKey : fragment.keySet()) {
            String text = String.valueOf(outputKey);
            if (!text.startsWith(FOR_EACH) && !text.contains("${" + identifier + "}") && !text.contains("&{" + identifier + "}")) {
                throw new IllegalArgumentException(key + ": the output key '" + text + "' contains neither ${" + identifier + "} nor &{" + identifier + "}");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String item : collection(key, arguments.get(1), bindings)) {
            Map<String, String> bound = new LinkedHashMap<>(bindings);
            bound.put(identifier, item);
            object(fragment, bound).forEach((outputKey, output) -> putUnique(result, outputKey, output));
        }
        return result;
    }

    private List<String> collection(String key, Object collection, Map<String, String> bindings) {
        Object items = collection;
        if (collection instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("Ref") instanceof String name) {
            items = bindings.containsKey(name) ? List.of(bindings.get(name)) : parameters.apply(name);
            if (items == null) throw new IllegalArgumentException(key + ": no parameter " + name + " for the collection");
        }
        if (!(items instanceof List<?> list)) {
            throw new IllegalArgumentException(key + ": the collection must be a list or a Ref to a CommaDelimitedList parameter, got " + collection);
        }
        List<String> values = new ArrayList<>();
        for (Object item : list) {
            Object value = value(item, bindings);
            if (value instanceof Map<?, ?> || value instanceof List<?>) throw new IllegalArgumentException(key + ": collection items must be strings, got " + item);
            values.add(String.valueOf(value));
        }
        return values;
    }

    private Object value(Object node, Map<String, String> bindings) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String name && bindings.containsKey(name)) return bindings.get(name);
            if (map.size() == 1 && map.containsKey("Fn::Sub")) return sub(map.get("Fn::Sub"), bindings);
            return object(map, bindings);
        }
        if (node instanceof List<?> list) return list.stream().map(element -> value(element, bindings)).toList();
        if (node instanceof String text) return substitute(text, bindings);
        return node;
    }

    private Object sub(Object argument, Map<String, String> bindings) {
        if (argument instanceof String text) {
            String substituted = substitute(text, bindings);
            return bindings.isEmpty() || substituted.contains("${") ? Map.of("Fn::Sub", substituted) : substituted;
        }
        return Map.of("Fn::Sub", value(argument, bindings));
    }

    private static String substitute(String text, Map<String, String> bindings) {
        if (bindings.isEmpty() || (!text.contains("${") && !text.contains("&{"))) return text;
        String result = text;
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            result = result.replace("${" + binding.getKey() + "}", binding.getValue())
                    .replace("&{" + binding.getKey() + "}", NON_ALPHANUMERIC.matcher(binding.getValue()).replaceAll(""));
        }
        return result;
    }

    private static void putUnique(Map<String, Object> target, String key, Object value) {
        if (target.containsKey(key)) throw new IllegalArgumentException("Fn::ForEach: the key " + key + " is produced twice");
        target.put(key, value);
    }
}
