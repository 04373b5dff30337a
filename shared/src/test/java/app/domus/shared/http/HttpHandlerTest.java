package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.TestContext;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpHandlerTest {
    record Body(String name, Integer count, List<String> tags) implements Validated {
        @Override
        public void validate(Validator v) {
            v.text("name", name, 1, 20, true);
            v.range("count", count, 1, 10, true);
        }
    }

    static class EchoHandler extends HttpHandler {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            Body body = request.json(Body.class);
            return HttpResponse.created(Map.of("name", body.name())).etag(3);
        }
    }

    static class FailingHandler extends HttpHandler {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            throw new IllegalStateException("secret table arn:aws:dynamodb:eu-central-1:1234:table/Domus broke");
        }
    }

    private static APIGatewayV2HTTPResponse send(HttpHandler handler, String body) {
        return handler.handleRequest(HttpEvents.request("POST", "/things").body(body).build(), new TestContext());
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response) {
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        return Json.tree(response.getBody());
    }

    @Test
    void validBodyIsHandledAndCorrelationIdAndEtagAreSent() {
        var response = new EchoHandler().handleRequest(HttpEvents.request("POST", "/things")
                .header("X-Correlation-Id", "abc-123-def-456").body("{\"name\":\"Lobby\",\"count\":2}").build(), new TestContext());
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("X-Correlation-Id", "abc-123-def-456").containsEntry("ETag", "\"3\"");
        assertThat(Json.tree(response.getBody()).path("name").asText()).isEqualTo("Lobby");
    }

    @Test
    void malformedJsonIsA400MalformedJsonProblem() {
        JsonNode p = problem(send(new EchoHandler(), "{\"name\": "));
        assertThat(p.path("status").asInt()).isEqualTo(400);
        assertThat(p.path("type").asText()).isEqualTo(ProblemType.MALFORMED_JSON.uri());
    }

    @Test
    void wrongTypesNameTheField() {
        JsonNode p = problem(send(new EchoHandler(), "{\"name\": 5, \"count\": 2}"));
        assertThat(p.path("type").asText()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("name");

        JsonNode q = problem(send(new EchoHandler(), "{\"name\": \"a\", \"count\": \"two\"}"));
        assertThat(q.path("errors").get(0).path("field").asText()).isEqualTo("count");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        JsonNode p = problem(send(new EchoHandler(), "{\"count\": 99}"));
        assertThat(p.path("errors")).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("name", "count");
    }

    @Test
    void hostileTextIsRefused() {
        JsonNode p = problem(send(new EchoHandler(), "{\"name\": \"<script>alert(1)</script>\", \"count\": 1}"));
        assertThat(p.path("status").asInt()).isEqualTo(400);
        JsonNode q = problem(send(new EchoHandler(), "{\"name\": \"bell\\u0007\", \"count\": 1}"));
        assertThat(q.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void oversizeBodyIsA413() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\",\"count\":1}";
        assertThat(problem(send(new EchoHandler(), big)).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void nonJsonContentTypeIsA415() {
        var response = new EchoHandler().handleRequest(HttpEvents.request("POST", "/things")
                .header("content-type", "text/plain").body("name=x").build(), new TestContext());
        assertThat(problem(response).path("status").asInt()).isEqualTo(415);
    }

    @Test
    void unexpectedFailureIsA500ThatLeaksNothingButTheCorrelationId() {
        var response = send(new FailingHandler(), "{}");
        JsonNode p = problem(response);
        assertThat(p.path("status").asInt()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("arn:aws", "IllegalStateException", "secret", "at app.domus");
        String correlationId = response.getHeaders().get("X-Correlation-Id");
        assertThat(p.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(p.path("detail").asText()).contains(correlationId);
    }

    @Test
    void forgedCorrelationIdIsReplaced() {
        var response = new EchoHandler().handleRequest(HttpEvents.request("POST", "/things")
                .header("X-Correlation-Id", "<script>\nInjected: header").body("{\"name\":\"a\",\"count\":1}").build(), new TestContext());
        assertThat(response.getHeaders().get("X-Correlation-Id")).doesNotContain("<", "\n").hasSizeGreaterThan(8);
    }

    @Test
    void missingClaimsAreA401() {
        HttpHandler whoAmI = new HttpHandler() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                return HttpResponse.ok(Map.of("user", request.caller().userId()));
            }
        };
        var anonymous = whoAmI.handleRequest(HttpEvents.request("GET", "/me").build(), new TestContext());
        assertThat(problem(anonymous).path("type").asText()).isEqualTo(ProblemType.UNAUTHORIZED.uri());
        var signedIn = whoAmI.handleRequest(HttpEvents.request("GET", "/me").as("u1").build(), new TestContext());
        assertThat(Json.tree(signedIn.getBody()).path("user").asText()).isEqualTo("u1");
    }

    @Test
    void anExtensionCannotHideAStandardProblemMember() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiException(ProblemType.INVALID_STATE, "x", List.of(), null,
                Map.of("status", "resolved"))).isInstanceOf(IllegalArgumentException.class);
        var ok = new ApiException(ProblemType.INVALID_STATE, "x", List.of(), null, Map.of("currentStatus", "resolved"));
        assertThat(Json.tree(Json.write(Problem.of(ok, "/f", "c"))).path("status").asInt()).isEqualTo(409);
    }

    @Test
    void limitMustBeBetween1And100() {
        HttpHandler lister = new HttpHandler() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                return HttpResponse.ok(Map.of("limit", request.limit()));
            }
        };
        assertThat(Json.tree(lister.handleRequest(HttpEvents.request("GET", "/l").build(), new TestContext()).getBody())
                .path("limit").asInt()).isEqualTo(25);
        for (String bad : List.of("0", "101", "abc", "-1")) {
            var response = lister.handleRequest(HttpEvents.request("GET", "/l").query("limit", bad).build(), new TestContext());
            assertThat(response.getStatusCode()).as("limit=%s", bad).isEqualTo(400);
        }
    }
}
