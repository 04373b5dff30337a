package app.domus.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kernel's HTTP handlers read their event and write their response themselves ({@link HttpApiEvents}) instead of
 * leaving it to Lambda's runtime serialisation. They must agree with it: every HTTP sample event in {@code events/}, and
 * the events the local gateway builds, read to the same {@link APIGatewayV2HTTPEvent} as the runtime reads them, and a
 * response is written as the runtime writes it.
 */
class HttpApiEventsAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpApiEventsAgreementTest.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RUNTIME_RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, HttpApiEventsAgreementTest.class.getClassLoader());

    @Test
    void everyHttpSampleEventReadsAsTheRuntimeReadsIt() throws IOException {
        List<String> compared = new ArrayList<>();
        try (Stream<Path> files = Files.list(repositoryRoot().resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                String json = Files.readString(file);
                JsonNode tree = JSON.readTree(json);
                // HTTP API payload 2.0 (a WebSocket event has no rawPath, a queue or stream event no version)
                if (!"2.0".equals(tree.path("version").asText()) || !tree.has("rawPath")) continue;
                assertThat(read(json)).as(file.getFileName().toString()).isEqualTo(RUNTIME_EVENTS.fromJson(json));
                compared.add(file.getFileName().toString());
            }
        }
        assertThat(compared).hasSizeGreaterThan(100);
    }

    @Test
    void anEventOfTheLocalGatewayReadsAsTheRuntimeReadsIt() throws IOException {
        // With a body, a query, cookies and JWT claims: the parts the local gateway fills in for a signed-in request.
        String json = """
                {"version":"2.0","routeKey":"POST /faults","rawPath":"/faults","rawQueryString":"x=1",
                 "cookies":["a=1"],"headers":{"content-type":"application/json"},"queryStringParameters":{"x":"1"},
                 "requestContext":{"accountId":"000000000000","apiId":"local","domainName":"localhost","domainPrefix":"localhost",
                   "http":{"method":"POST","path":"/faults","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"t"},
                   "requestId":"r1","routeKey":"POST /faults","stage":"$default","time":"02/Dec/2026:10:00:00 +0000","timeEpoch":1796205600000,
                   "authorizer":{"jwt":{"claims":{"sub":"u1","email_verified":"true"},"scopes":["a"]}}},
                 "body":"{\\"x\\":1}","isBase64Encoded":false}""";
        assertThat(read(json)).isEqualTo(RUNTIME_EVENTS.fromJson(json));
    }

    @Test
    void aResponseIsWrittenAsTheRuntimeWritesIt() throws IOException {
        for (APIGatewayV2HTTPResponse response : List.of(
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("Content-Type", "application/json", "ETag", "\"2\""))
                        .withBody("{\"name\":\"Lindenhof\",\"units\":[1,2]}").build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(302).withHeaders(Map.of("Location", "https://app.example/cb"))
                        .withCookies(List.of("sid=x; HttpOnly; Secure")).withMultiValueHeaders(Map.of("Vary", List.of("Origin"))).build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("JVBERi0=").withIsBase64Encoded(true).build())) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            HttpApiEvents.write(response, ours);
            ByteArrayOutputStream runtimes = new ByteArrayOutputStream();
            RUNTIME_RESPONSES.toJson(response, runtimes);
            assertThat(withoutNulls(JSON.readTree(ours.toByteArray())))
                    .isEqualTo(withoutNulls(JSON.readTree(runtimes.toByteArray())));
        }
    }

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpApiEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The runtime writes absent fields as null, the kernel leaves them out: the same to API Gateway. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) fields.remove(); else withoutNulls(field.getValue());
            }
        }
        return node;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        return dir;
    }
}
