package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class HttpApiTest {

    @Test
    void reportsEveryComponentUp(LocalCloudClient cloud) {
        JsonNode health = cloud.console("health");

        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.path("components").size()).isEqualTo(8);
    }

    @Test
    void passesPathParametersQueryAndFunctionEnvironment(LocalCloudClient cloud) {
        ApiResponse response = cloud.withClaims(Map.of("sub", "user-7")).get("/items/item%2042?colour=red&colour=blue");

        assertThat(response.status()).isEqualTo(200);
        JsonNode echo = response.json();
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/{itemId}");
        assertThat(echo.path("pathParameters").path("itemId").asText()).isEqualTo("item 42");
        assertThat(echo.path("query").path("colour").asText()).isEqualTo("red,blue");
        assertThat(echo.path("greeting").asText()).isEqualTo("hello from us-east-1 test");
        assertThat(echo.path("greetingAtColdStart").asText()).isEqualTo("hello from us-east-1 test");
        assertThat(echo.path("table").asText()).isEqualTo("ItemsTable");
        assertThat(echo.path("workQueueUrl").asText()).isEqualTo(cloud.cloud().endpoints().sqsUrl() + "/000000000000/WorkQueue");
        assertThat(echo.path("httpApiUrl").asText()).isEqualTo(cloud.httpUrl());
        assertThat(echo.path("functionName").asText()).isEqualTo("EchoFunction");
        assertThat(echo.path("remainingMillis").asInt()).isBetween(1, 10_000);
        assertThat(response.header("etag")).isEqualTo("\"v1\"");
        assertThat(response.header("set-cookie")).isEqualTo("seen=yes; Path=/");
    }

    @Test
    void prefersTheMostSpecificRoute(LocalCloudClient cloud) {
        assertThat(cloud.anonymous().get("/public/about").json().path("routeKey").asText()).isEqualTo("GET /public/about");
        JsonNode greedy = cloud.anonymous().get("/public/docs/guide.md").json();
        assertThat(greedy.path("routeKey").asText()).isEqualTo("ANY /public/{proxy+}");
        assertThat(greedy.path("pathParameters").path("proxy").asText()).isEqualTo("docs/guide.md");
    }

    @Test
    void answersUnknownRoutesWith404(LocalCloudClient cloud) {
        assertThat(cloud.anonymous().get("/nowhere").status()).isEqualTo(404);
        assertThat(cloud.anonymous().get("/public").status()).isEqualTo(404);
    }

    @Test
    void turnsAFunctionErrorInto502(LocalCloudClient cloud) {
        ApiResponse response = cloud.anonymous().get("/boom");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.json().path("message").asText()).isEqualTo("Internal Server Error");
    }

    @Test
    void enforcesTheFunctionTimeout(LocalCloudClient cloud) {
        long started = System.nanoTime();
        ApiResponse response = cloud.anonymous().get("/slow");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(502);
        assertThat(tookMillis).isLessThan(2_500);
    }

    @Test
    void answersCorsPreflightAndDecoratesResponses(LocalCloudClient cloud) {
        ApiResponse preflight = cloud.anonymous()
                .header("Origin", "https://app.example.test")
                .header("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/items/1", null);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo("https://app.example.test");
        assertThat(preflight.header("access-control-allow-methods")).isEqualTo("GET,POST,OPTIONS");
        assertThat(preflight.header("access-control-max-age")).isEqualTo("600");

        ApiResponse actual = cloud.anonymous().header("Origin", "https://app.example.test").get("/public/about");
        assertThat(actual.header("access-control-allow-origin")).isEqualTo("https://app.example.test");
        assertThat(actual.header("access-control-expose-headers")).isEqualTo("etag");

        ApiResponse foreign = cloud.anonymous().header("Origin", "https://evil.example").get("/public/about");
        assertThat(foreign.header("access-control-allow-origin")).isNull();
    }
}
