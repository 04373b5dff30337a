package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks real responses against {@code api/openapi.yaml}: the operation must document the status, and the body must
 * match the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
 */
final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode DOCUMENT = load();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OpenApiContract() {}

    /** Asserts that {@code response} to {@code method routePath} (e.g. {@code /buildings/{buildingId}}) is documented. */
    static ApiResponse conforms(String method, String routePath, ApiResponse response) {
        JsonNode operation = DOCUMENT.path("paths").path(routePath).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, routePath).isFalse();
        JsonNode documented = operation.path("responses").path(Integer.toString(response.status()));
        assertThat(documented.isMissingNode()).as("%s %s documents status %d (body %s)", method, routePath,
                response.status(), response.body()).isFalse();
        JsonNode resolved = resolve(documented);
        JsonNode content = resolved.path("content");
        if (content.isMissingNode() || content.isEmpty()) return response;
        String mediaType = content.fieldNames().next();
        String pointer = pointerTo(routePath, method, response.status(), documented, mediaType);
        ObjectNode schema = DOCUMENT.deepCopy();
        schema.put("$ref", pointer);
        Set<ValidationMessage> errors = SCHEMAS.getSchema(schema).validate(response.json());
        assertThat(errors).as("%s %s %d body %s", method, routePath, response.status(), response.body()).isEmpty();
        return response;
    }

    private static String pointerTo(String routePath, String method, int status, JsonNode documented, String mediaType) {
        String base = documented.has("$ref") ? documented.path("$ref").asText()
                : "#/paths/" + escape(routePath) + "/" + method.toLowerCase() + "/responses/" + status;
        return base + "/content/" + escape(mediaType) + "/schema";
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) return node;
        return DOCUMENT.at(node.path("$ref").asText().substring(1));
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode load() {
        Path path = Path.of("").toAbsolutePath();
        while (!Files.exists(path.resolve("api/openapi.yaml"))) path = path.getParent();
        try {
            ObjectNode document = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(path.resolve("api/openapi.yaml").toFile());
            // Only the schema keywords matter for validation; the rest of the document is not a schema.
            for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!key.equals("paths") && !key.equals("components")) it.remove();
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
