package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's rate limits as the API promises them: every function is given the stage's limits and session check,
 * every operation of a limited route documents its 429 with the RateLimit headers, and an unlimited one (its handler
 * marked {@code @RateLimited(EndpointClass.UNLIMITED)}) does not.
 */
class RateLimitContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static JsonNode template;
    private static JsonNode openApi;

    @BeforeAll
    static void load() throws Exception {
        template = LanguageExtensions.expand(JSON.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml"))));
        openApi = JSON.valueToTree(CloudFormationYaml.load(ROOT.resolve("api/openapi.yaml")));
    }

    @Test
    void everyFunctionGetsTheStagesLimitsAndSessionCheck() {
        JsonNode variables = template.path("Globals").path("Function").path("Environment").path("Variables");
        assertThat(variables.path("RATE_LIMITS").path("Ref").asText()).isEqualTo("RateLimits");
        assertThat(variables.path("SESSION_CHECK_SECONDS").path("Ref").asText()).isEqualTo("SessionCheckSeconds");
        assertThat(template.path("Parameters").path("RateLimits").path("Default").asText())
                .contains("auth=", "writes=", "reads=", "public_search=", "webhooks=");
    }

    @Test
    void theTooManyRequestsAnswerCarriesRetryAfterAndTheRateLimitHeaders() {
        JsonNode headers = openApi.path("components").path("responses").path("TooManyRequests").path("headers");
        for (String name : List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")) {
            assertThat(headers.path(name).path("$ref").asText()).as(name).isEqualTo("#/components/headers/" + name);
            assertThat(openApi.path("components").path("headers").has(name)).as(name).isTrue();
        }
    }

    @Test
    void everyLimitedOperationDocumentsIts429AndNoUnlimitedOneDoes() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> unlimitedWith429 = new TreeSet<>();
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            JsonNode function = it.next().getValue();
            if (!function.path("Type").asText().equals("AWS::Serverless::Function")) continue;
            String handler = function.path("Properties").path("Handler").asText();
            for (JsonNode event : function.path("Properties").path("Events")) {
                if (!event.path("Type").asText().equals("HttpApi")) continue;
                String method = event.path("Properties").path("Method").asText().toLowerCase();
                String path = event.path("Properties").path("Path").asText();
                JsonNode responses = openApi.path("paths").path(path).path(method).path("responses");
                boolean documented = responses.path("429").path("$ref").asText().equals("#/components/responses/TooManyRequests");
                routes++;
                if (unlimited(handler)) {
                    if (responses.has("429")) unlimitedWith429.add(method + " " + path);
                } else if (!documented) {
                    missing.add(method.toUpperCase() + " " + path + " (" + handler + ")");
                }
            }
        }
        assertThat(routes).isGreaterThan(100);
        assertThat(missing).as("operations of limited routes without '429': {$ref: '#/components/responses/TooManyRequests'}").isEmpty();
        assertThat(unlimitedWith429).as("unlimited routes documenting a 429").isEmpty();
    }

    /**
     * On AWS the guard's counter update and session read need permissions a read-only function's own policies lack
     * (the local cloud enforces no IAM, so only this test can catch it): every guarded HTTP function gets them.
     */
    @Test
    void everyGuardedFunctionMayCountItsRequestsAndReadSessions() throws IOException {
        TreeSet<String> without = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            var resource = it.next();
            JsonNode function = resource.getValue();
            if (!function.path("Type").asText().equals("AWS::Serverless::Function")) continue;
            boolean http = false;
            for (JsonNode event : function.path("Properties").path("Events")) http |= event.path("Type").asText().equals("HttpApi");
            if (!http || unlimited(function.path("Properties").path("Handler").asText())) continue;
            boolean granted = false;
            for (JsonNode policy : function.path("Properties").path("Policies")) {
                granted |= policy.path("Ref").asText().equals("RequestGuardPolicy");
            }
            if (!granted) without.add(resource.getKey());
        }
        assertThat(without).as("HTTP functions without '- !Ref RequestGuardPolicy' in their Policies").isEmpty();

        JsonNode statements = template.path("Resources").path("RequestGuardPolicy").path("Properties")
                .path("PolicyDocument").path("Statement");
        assertThat(statements.toString())
                .contains("\"dynamodb:UpdateItem\"", "RATE#*", "\"dynamodb:GetItem\"", "USER#*");
    }

    private static boolean unlimited(String handler) throws IOException {
        String relative = "src/main/java/" + handler.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            for (Path module : modules.toList()) {
                Path source = module.resolve(relative);
                if (Files.isRegularFile(source)) return Files.readString(source).contains("@RateLimited(EndpointClass.UNLIMITED)");
            }
        }
        throw new IllegalStateException("no source for " + handler);
    }
}
