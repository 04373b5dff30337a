package app.domus.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What CloudFormation's {@code AWS::LanguageExtensions} transform does to the template before SAM sees it, as far as
 * the contract needs: every {@code Fn::ForEach::<Loop>} in {@code Conditions}, {@code Resources} and {@code Outputs}
 * becomes the objects it replicates. For each item of the collection (a list, or a {@code Ref} to a list parameter's
 * default), {@code ${Id}} is the item and {@code &{Id}} the item's letters and digits, in keys and strings;
 * {@code {"Ref": Id}} is the item; a {@code Fn::Sub} with no {@code ${...}} left is its string. A key replicated twice,
 * or an output key that does not name the identifier, is an error, as in CloudFormation.
 *
 * <p>The local cloud has its own copy on maps and lists ({@code app.domus.local.template.LanguageExtensions}); this
 * module does not depend on the local cloud.
 */
final class LanguageExtensions {
    private static final String LOOP = "Fn::ForEach::";

    private LanguageExtensions() {}

    static JsonNode expand(JsonNode template) {
        ObjectNode expanded = template.deepCopy();
        for (String section : List.of("Conditions", "Resources", "Outputs")) {
            JsonNode entries = template.path(section);
            if (entries.isObject()) expanded.set(section, expandObject((ObjectNode) entries, template, Map.of()));
        }
        return expanded;
    }

    /** The collection a loop iterates, as CloudFormation reads it. */
    static List<String> collection(JsonNode collection, JsonNode template) {
        JsonNode items = collection;
        if (collection.has("Ref")) {
            JsonNode parameter = template.path("Parameters").path(collection.path("Ref").asText());
            if (parameter.isMissingNode()) throw new IllegalArgumentException("no parameter for the collection " + collection);
            items = JsonNodeFactory.instance.arrayNode();
            for (String item : parameter.path("Default").asText().split(",")) if (!item.isBlank()) ((ArrayNode) items).add(item.strip());
        }
        if (!items.isArray()) throw new IllegalArgumentException("a loop's collection is a list or a Ref to a list parameter: " + collection);
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static ObjectNode expandObject(ObjectNode object, JsonNode template, Map<String, String> names) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith(LOOP)) {
                add(result, replace(field.getKey(), names), expandValue(field.getValue(), template, names));
                continue;
            }
            JsonNode loop = field.getValue();
            if (!loop.isArray() || loop.size() != 3 || !loop.get(2).isObject()) {
                throw new IllegalArgumentException(field.getKey() + " is not [Identifier, Collection, {OutputKey: OutputValue}]");
            }
            String identifier = loop.get(0).asText();
            loop.get(2).fieldNames().forEachRemaining(outputKey -> {
                if (!outputKey.startsWith(LOOP) && !outputKey.contains("${" + identifier + "}") && !outputKey.contains("&{" + identifier + "}")) {
                    throw new IllegalArgumentException(field.getKey() + ": output key " + outputKey + " does not name " + identifier);
                }
            });
            for (String item : collection(loop.get(1), template)) {
                Map<String, String> inner = new LinkedHashMap<>(names);
                inner.put(identifier, item);
                expandObject((ObjectNode) loop.get(2), template, inner).fields()
                        .forEachRemaining(replicated -> add(result, replicated.getKey(), replicated.getValue()));
            }
        }
        return result;
    }

    private static JsonNode expandValue(JsonNode value, JsonNode template, Map<String, String> names) {
        if (value.isTextual()) return TextNode.valueOf(replace(value.asText(), names));
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> array.add(expandValue(element, template, names)));
            return array;
        }
        if (!value.isObject()) return value;
        if (value.size() == 1 && value.path("Ref").isTextual() && names.containsKey(value.path("Ref").asText())) {
            return TextNode.valueOf(names.get(value.path("Ref").asText()));
        }
        JsonNode expanded = expandObject((ObjectNode) value, template, names);
        JsonNode sub = expanded.path("Fn::Sub");
        boolean literal = expanded.size() == 1 && sub.isTextual() && !names.isEmpty() && !sub.asText().contains("${");
        return literal ? sub : expanded;
    }

    private static String replace(String text, Map<String, String> names) {
        String replaced = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            replaced = replaced.replace("${" + name.getKey() + "}", name.getValue())
                    .replace("&{" + name.getKey() + "}", name.getValue().replaceAll("[^A-Za-z0-9]", ""));
        }
        return replaced;
    }

    private static void add(ObjectNode target, String key, JsonNode value) {
        if (target.has(key)) throw new IllegalArgumentException("Fn::ForEach replicates " + key + " twice");
        target.set(key, value);
    }
}
