package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.json.Json;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    /** An HTTP API payload 2.0 event as API Gateway sends it for a JWT-authorised route, every field the payload has. */
    private static final String EVENT = """
            {"version":"2.0","routeKey":"PUT /buildings/{buildingId}","rawPath":"/buildings/b1","rawQueryString":"a=1&b=2",
             "cookies":["session=s1","theme=dark"],
             "headers":{"content-type":"application/json","X-Correlation-Id":"corr-0001-abcd"},
             "queryStringParameters":{"a":"1","b":"2"},"pathParameters":{"buildingId":"b1"},"stageVariables":{"tier":"dev"},
             "requestContext":{"accountId":"123456789012","apiId":"api1","domainName":"api.example","domainPrefix":"api",
               "requestId":"req-1","routeKey":"PUT /buildings/{buildingId}","stage":"$default","time":"01/Dec/2026:10:00:00 +0000",
               "timeEpoch":1795860000000,
               "http":{"method":"PUT","path":"/buildings/b1","protocol":"HTTP/1.1","sourceIp":"203.0.113.9","userAgent":"app/1.0"},
               "authorizer":{"jwt":{"claims":{"sub":"u1","email":"a@example.com","email_verified":true,"exp":1795860900},
                                    "scopes":["read","write"]},
                             "lambda":{"tenant":"t1","depth":{"level":2,"ok":false},"list":[1,"two"]},
                             "iam":{"accessKey":"AK","accountId":"123","callerId":"C","principalOrgId":"O","userArn":"arn:x","userId":"U"}}},
             "body":"eyJuYW1lIjoiTG9iYnkifQ==","isBase64Encoded":true}
            """;

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpApiEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFieldOfThePayloadIsReadByItsWireName() throws IOException {
        APIGatewayV2HTTPEvent event = read(EVENT);
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("PUT /buildings/{buildingId}");
        assertThat(event.getRawPath()).isEqualTo("/buildings/b1");
        assertThat(event.getRawQueryString()).isEqualTo("a=1&b=2");
        assertThat(event.getCookies()).containsExactly("session=s1", "theme=dark");
        assertThat(event.getHeaders()).containsExactly(Map.entry("content-type", "application/json"), Map.entry("X-Correlation-Id", "corr-0001-abcd"));
        assertThat(event.getQueryStringParameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(event.getPathParameters()).containsExactly(Map.entry("buildingId", "b1"));
        assertThat(event.getStageVariables()).containsExactly(Map.entry("tier", "dev"));
        assertThat(event.getBody()).isEqualTo("eyJuYW1lIjoiTG9iYnkifQ==");
        assertThat(event.getIsBase64Encoded()).isTrue();

        var context = event.getRequestContext();
        assertThat(List.of(context.getAccountId(), context.getApiId(), context.getDomainName(), context.getDomainPrefix(),
                context.getRequestId(), context.getRouteKey(), context.getStage(), context.getTime()))
                .containsExactly("123456789012", "api1", "api.example", "api", "req-1", "PUT /buildings/{buildingId}", "$default",
                        "01/Dec/2026:10:00:00 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(1795860000000L);
        var http = context.getHttp();
        assertThat(List.of(http.getMethod(), http.getPath(), http.getProtocol(), http.getSourceIp(), http.getUserAgent()))
                .containsExactly("PUT", "/buildings/b1", "HTTP/1.1", "203.0.113.9", "app/1.0");
        var jwt = context.getAuthorizer().getJwt();
        // API Gateway passes every claim as a string; a boolean or a number sent by a test or a direct invoke becomes its text.
        assertThat(jwt.getClaims()).containsExactly(Map.entry("sub", "u1"), Map.entry("email", "a@example.com"),
                Map.entry("email_verified", "true"), Map.entry("exp", "1795860900"));
        assertThat(jwt.getScopes()).containsExactly("read", "write");
        assertThat(context.getAuthorizer().getLambda()).containsExactly(Map.entry("tenant", "t1"),
                Map.entry("depth", Map.of("level", 2, "ok", false)), Map.entry("list", List.of(1, "two")));
        var iam = context.getAuthorizer().getIam();
        assertThat(List.of(iam.getAccessKey(), iam.getAccountId(), iam.getCallerId(), iam.getPrincipalOrgId(), iam.getUserArn(), iam.getUserId()))
                .containsExactly("AK", "123", "C", "O", "arn:x", "U");
    }

    @Test
    void absentAndNullFieldsStayAbsent() throws IOException {
        APIGatewayV2HTTPEvent event = read("""
                {"version":"2.0","rawPath":"/health","headers":null,"cookies":null,"body":null,
                 "requestContext":{"http":{"method":"GET"},"authorizer":{"jwt":{"claims":{"sub":"u1"},"scopes":null}}}}""");
        assertThat(event.getHeaders()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getTimeEpoch()).isZero();
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isNull();
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes()).isNull();
        assertThat(event.getRequestContext().getAuthorizer().getLambda()).isNull();
        assertThat(event.getRequestContext().getAuthorizer().getIam()).isNull();
        assertThat(read("{}").getRequestContext()).isNull();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"version\":")).isInstanceOf(IOException.class);
    }

    @Test
    void theResponseIsWrittenWithThePayloadsFieldNamesAndNothingElse() throws IOException {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("ETag", "\"3\""))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("a=1; Secure"))
                .withBody("{\"id\":\"x\"}").withIsBase64Encoded(false).build();
        JsonNode written = write(response);
        assertThat(written.size()).isEqualTo(6);
        assertThat(written.get("statusCode").intValue()).isEqualTo(201);
        assertThat(written.path("headers").path("ETag").asText()).isEqualTo("\"3\"");
        assertThat(written.path("multiValueHeaders").path("Vary").toString()).isEqualTo("[\"Origin\",\"Accept\"]");
        assertThat(written.path("cookies").toString()).isEqualTo("[\"a=1; Secure\"]");
        assertThat(written.get("body").asText()).isEqualTo("{\"id\":\"x\"}");
        assertThat(written.get("isBase64Encoded").isBoolean()).isTrue();
        assertThat(written.get("isBase64Encoded").booleanValue()).isFalse();

        JsonNode bare = write(APIGatewayV2HTTPResponse.builder().withStatusCode(204).withIsBase64Encoded(true).build());
        assertThat(bare.toString()).isEqualTo("{\"statusCode\":204,\"isBase64Encoded\":true}");
    }

    @Test
    void theOutputStreamIsLeftOpenForTheRuntime() throws IOException {
        var closed = new boolean[1];
        var output = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        HttpApiEvents.write(APIGatewayV2HTTPResponse.builder().withStatusCode(200).build(), output);
        assertThat(closed[0]).isFalse();
        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("{\"statusCode\":200");
    }

    static final class BodyEcho extends HttpHandler {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            return HttpResponse.ok(Map.of("body", new String(request.rawBody(), StandardCharsets.UTF_8),
                    "user", request.caller().userId(), "verified", request.caller().emailVerified(), "path", request.path()));
        }
    }

    @Test
    void aStreamInvocationIsTheTypedOneWithTheEventReadAndTheResponseWritten() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new BodyEcho().handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        JsonNode response = Json.tree(output.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.path("headers").path("X-Correlation-Id").asText()).isEqualTo("corr-0001-abcd");
        JsonNode body = Json.tree(response.get("body").asText());
        assertThat(body.path("body").asText()).isEqualTo("{\"name\":\"Lobby\"}");
        assertThat(body.path("user").asText()).isEqualTo("u1");
        assertThat(body.path("verified").booleanValue()).isTrue();
        assertThat(body.path("path").asText()).isEqualTo("/buildings/b1");
    }

    @Test
    void aStreamInvocationThatIsNotAnEventGetsAProblemNotAnError() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new BodyEcho().handleRequest(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        JsonNode response = Json.tree(output.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Json.tree(response.get("body").asText());
        assertThat(problem.path("type").asText()).endsWith("malformed-json");
        assertThat(problem.path("correlationId").asText()).isNotBlank();
    }

    private static JsonNode write(APIGatewayV2HTTPResponse response) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        HttpApiEvents.write(response, output);
        return Json.tree(output.toString(StandardCharsets.UTF_8));
    }
}
