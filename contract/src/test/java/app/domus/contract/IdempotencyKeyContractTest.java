package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} is honoured where it is documented and documented where it is honoured: every {@code POST}
 * that can answer 201 (or 202 with a Location, a job it started) declares the shared header parameter (with its 409 and 422 problems), and its handler is marked
 * {@code @AcceptsIdempotencyKey}; no other handler is. Sign-up ({@code POST /auth/register}) is the one creating route
 * left out: its response carries fresh tokens, which are not to be kept, and its invitation code is single-use anyway;
 * so is a smart-meter device's registration, whose response carries the device's secret.
 */
class IdempotencyKeyContractTest {
    private static final String PARAMETER = "#/components/parameters/idempotencyKey";
    // Their responses carry a secret shown once (a session's tokens, a device's or a gateway's credential), which the idempotency store must
    // not keep; a retry registers anew.
    private static final Set<String> LEFT_OUT = Set.of("POST /auth/register", "POST /meters/{meterId}/devices",
            "POST /buildings/{buildingId}/meter-gateways");
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static JsonNode openApi;
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        openApi = json.valueToTree(CloudFormationYaml.load(ROOT.resolve("api/openapi.yaml")));
        template = LanguageExtensions.expand(json.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml"))));
    }

    @Test
    void everyCreatingPostDeclaresTheHeaderAndItsProblems() {
        Set<String> missing = new TreeSet<>();
        creatingPosts().forEach((route, operation) -> {
            boolean declared = false;
            for (JsonNode parameter : operation.path("parameters")) declared |= PARAMETER.equals(parameter.path("$ref").asText());
            if (!declared) missing.add(route + ": no Idempotency-Key parameter");
            for (String status : new String[] {"409", "422"}) {
                if (!operation.path("responses").has(status)) missing.add(route + ": no " + status + " response");
            }
        });
        assertThat(creatingPosts()).as("creating routes found").hasSizeGreaterThan(5);
        assertThat(missing).isEmpty();
    }

    @Test
    void exactlyTheHandlersOfCreatingPostsAcceptTheHeader() {
        Map<String, Path> handlers = handlerSources();
        Set<String> accepting = new TreeSet<>();
        handlers.forEach((route, source) -> {
            if (read(source).contains("@AcceptsIdempotencyKey")) accepting.add(route);
        });
        assertThat(accepting).isEqualTo(creatingPosts().keySet());
    }

    /** Documented {@code POST} operations that create (201, or 202 with a Location), by {@code POST /path}, less those left out. */
    private static Map<String, JsonNode> creatingPosts() {
        Map<String, JsonNode> posts = new TreeMap<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            String route = "POST " + path.getKey();
            // 201, or 202 with a Location: a job started, whose resource the client polls (a billing run).
            boolean creates = post.path("responses").has("201") || post.path("responses").path("202").path("headers").has("Location");
            if (creates && !LEFT_OUT.contains(route)) posts.put(route, post);
        });
        return posts;
    }

    /** Every HTTP route of the template and its handler's source file. */
    private static Map<String, Path> handlerSources() {
        Map<String, Path> sources = new TreeMap<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) return;
            String module = properties.path("CodeUri").asText().replaceAll("^functions/([a-z-]+)/target/.*$", "$1");
            String className = properties.path("Handler").asText().split("::")[0];
            Path source = ROOT.resolve("functions").resolve(module).resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
            properties.path("Events").forEach(event -> {
                if (!event.path("Type").asText().equals("HttpApi")) return;
                JsonNode route = event.path("Properties");
                sources.put(route.path("Method").asText().toUpperCase() + " " + route.path("Path").asText(), source);
            });
        });
        return sources;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
