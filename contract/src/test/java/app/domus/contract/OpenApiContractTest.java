package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and template.yaml describe the same HTTP API: the same routes, the same public ones. */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode openApi;
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        openApi = json.valueToTree(CloudFormationYaml.load(CloudFormationYaml.repoRoot().resolve("api/openapi.yaml")));
        template = LanguageExtensions.expand(json.valueToTree(CloudFormationYaml.load(CloudFormationYaml.repoRoot().resolve("template.yaml"))));
    }

    @Test
    void documentIsOpenApi31() {
        assertThat(openApi.path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void everyTemplateRouteIsDocumentedAndEveryDocumentedRouteIsDeployed() {
        assertThat(documentedRoutes(false)).isEqualTo(templateRoutes(false));
    }

    @Test
    void publicRoutesAreTheSameInBoth() {
        assertThat(documentedRoutes(true)).isEqualTo(templateRoutes(true));
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        Set<String> missing = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) return;
            boolean isPublic = op.getValue().has("security") && op.getValue().path("security").isEmpty();
            if (isPublic) return;
            if (!op.getValue().path("responses").has("401")) missing.add(op.getKey().toUpperCase() + " " + path.getKey());
        }));
        assertThat(missing).as("protected operations without a 401 problem response").isEmpty();
    }

    @Test
    void everyOperationIsTaggedWithTheContextThatServesIt() {
        java.util.Map<String, String> contextOfRoute = new java.util.TreeMap<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (!r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) return;
            String code = r.getValue().path("Properties").path("CodeUri").asText();
            String context = code.replaceAll("^functions/([a-z]+)/.*$", "$1");
            r.getValue().path("Properties").path("Events").forEach(event -> {
                if (!event.path("Type").asText().equals("HttpApi")) return;
                JsonNode p = event.path("Properties");
                contextOfRoute.put(p.path("Method").asText().toUpperCase() + " " + p.path("Path").asText(), context);
            });
        });
        Set<String> declared = new TreeSet<>();
        openApi.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        Set<String> wrong = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) return;
            String route = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode tags = op.getValue().path("tags");
            if (tags.size() != 1 || !declared.contains(tags.get(0).asText()) || !tags.get(0).asText().equals(contextOfRoute.get(route))) {
                wrong.add(route + " " + tags + " (served by " + contextOfRoute.get(route) + ")");
            }
        }));
        assertThat(wrong).as("operations without their context's one declared tag").isEmpty();
    }

    private static Set<String> templateRoutes(boolean publicOnly) {
        Set<String> routes = new TreeSet<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (!r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) return;
            r.getValue().path("Properties").path("Events").forEach(event -> {
                if (!event.path("Type").asText().equals("HttpApi")) return;
                JsonNode p = event.path("Properties");
                boolean isPublic = p.path("Auth").path("Authorizer").asText().equals("NONE");
                if (!publicOnly || isPublic) routes.add(p.path("Method").asText().toUpperCase() + " " + p.path("Path").asText());
            });
        });
        return routes;
    }

    private static Set<String> documentedRoutes(boolean publicOnly) {
        Set<String> routes = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) return;
            boolean isPublic = op.getValue().has("security") && op.getValue().path("security").isEmpty();
            if (!publicOnly || isPublic) routes.add(op.getKey().toUpperCase() + " " + path.getKey());
        }));
        return routes;
    }
}
