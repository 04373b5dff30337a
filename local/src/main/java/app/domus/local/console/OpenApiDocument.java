package app.domus.local.console;

import app.domus.local.http.HttpRoute;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the console shows: the platform's own ({@code openapi.yaml} or {@code openapi.json} beside the
 * template, or under {@code docs/}), or, until there is one, an outline generated from the template's routes.
 */
final class OpenApiDocument {
    private static final List<String> CANDIDATES = List.of("api/openapi.yaml", "api/openapi.json", "openapi.yaml", "openapi.json", "docs/openapi.yaml");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

    private OpenApiDocument() {}

    /** The document's text and its media type. */
    record Document(String text, String contentType) {}

    static Document find(Path templateDirectory, List<HttpRoute> routes, String serverUrl) throws IOException {
        Optional<Path> file = CANDIDATES.stream().map(templateDirectory::resolve).filter(Files::isRegularFile).findFirst();
        if (file.isPresent()) {
            boolean json = file.get().toString().endsWith(".json");
            return new Document(Files.readString(file.get()), json ? "application/json" : "application/yaml");
        }
        return new Document(Json.pretty(outline(routes, serverUrl)), "application/json");
    }

    private static ObjectNode outline(List<HttpRoute> routes, String serverUrl) {
        ObjectNode document = Json.object();
        document.put("openapi", "3.0.3");
        document.putObject("info").put("title", "Domus HTTP API (outline from template.yaml)").put("version", "local");
        document.putArray("servers").addObject().put("url", serverUrl);
        document.putObject("components").putObject("securitySchemes").putObject("jwt")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        ObjectNode paths = document.putObject("paths");
        for (HttpRoute route : routes) {
            if (route.path().equals("$default")) continue;
            String path = route.path().replace("+}", "}");
            ObjectNode pathItem = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            List<String> methods = route.method().equals("ANY") ? List.of("get", "post", "put", "patch", "delete") : List.of(route.method().toLowerCase(Locale.ROOT));
            for (String method : methods) {
                ObjectNode operation = pathItem.putObject(method);
                operation.put("summary", route.functionLogicalId());
                operation.put("operationId", route.functionLogicalId() + (methods.size() > 1 ? "_" + method : ""));
                ArrayNode parameters = operation.putArray("parameters");
                Matcher matcher = PATH_PARAMETER.matcher(route.path());
                while (matcher.find()) {
                    parameters.addObject().put("name", matcher.group(1)).put("in", "path").put("required", true)
                            .putObject("schema").put("type", "string");
                }
                if (route.authorizer() != null) operation.putArray("security").addObject().putArray("jwt");
                operation.putObject("responses").putObject("default").put("description", "See the function " + route.functionLogicalId());
            }
        }
        return document;
    }
}
