package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.auth.Caller;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a handler reads of a request: headers without case, parameters, the caller, and a body whose every fault is a 4xx. */
class HttpRequestTest {
    private static HttpRequest request(HttpEvents event) {
        return new HttpRequest(event.build(), "corr-1", 100);
    }

    private static HttpRequest request(APIGatewayV2HTTPEvent event) {
        return new HttpRequest(event, "corr-1", 100);
    }

    record Body(String name, List<Item> items) implements Validated {
        record Item(int count) {}

        @Override
        public void validate(Validator v) {
            v.text("name", name, 1, 10, true);
        }
    }

    private static void problem(Runnable work, ProblemType type, String detail, String... errors) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            if (detail != null) assertThat(e.detail()).isEqualTo(detail);
            assertThat(e.errors()).extracting(f -> f.field() + ": " + f.message()).containsExactly(errors);
        });
    }

    @Test
    void theRequestLineAndHeadersWhateverTheirCase() {
        HttpRequest r = request(HttpEvents.request("PATCH", "/faults/f1").header("X-Custom", "yes").header("blank", " ")
                .header("User-Agent", "curl/8").sourceIp("198.51.100.7"));
        assertThat(r.method()).isEqualTo("PATCH");
        assertThat(r.path()).isEqualTo("/faults/f1");
        assertThat(r.correlationId()).isEqualTo("corr-1");
        assertThat(r.header("x-custom")).contains("yes");
        assertThat(r.header("X-CUSTOM")).contains("yes");
        assertThat(r.header("blank")).isEmpty();
        assertThat(r.header("absent")).isEmpty();
        assertThat(r.userAgent()).isEqualTo("curl/8");
        assertThat(r.sourceIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void anEventWithoutContextOrHeadersHasDefaults() {
        HttpRequest r = request(new APIGatewayV2HTTPEvent());
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.sourceIp()).isEqualTo("unknown");
        assertThat(r.userAgent()).isEmpty();
        assertThat(r.query("limit")).isEmpty();
        assertThat(r.cookie("session")).isEmpty();
        assertThat(r.rawBody()).isEmpty();
        assertThat(r.ifMatchVersion()).isEmpty();
        problem(r::caller, ProblemType.UNAUTHORIZED, "Sign in to use this endpoint");
        problem(() -> r.pathParam("id"), ProblemType.NOT_FOUND, "The resource was not found");
        APIGatewayV2HTTPEvent noHttp = new APIGatewayV2HTTPEvent();
        noHttp.setRequestContext(new APIGatewayV2HTTPEvent.RequestContext());
        assertThat(request(noHttp).method()).isEqualTo("GET");
        assertThat(request(noHttp).sourceIp()).isEqualTo("unknown");
        problem(request(noHttp)::caller, ProblemType.UNAUTHORIZED, null);
    }

    @Test
    void aPathParameterMustLookLikeAnIdElseTheResourceIsNotFound() {
        HttpRequest r = request(HttpEvents.request("GET", "/x").pathParam("id", "f1_A-9").pathParam("long", "x".repeat(65))
                .pathParam("slash", "a/b").pathParam("max", "y".repeat(64)));
        assertThat(r.pathParam("id")).isEqualTo("f1_A-9");
        assertThat(r.pathParam("max")).hasSize(64);
        problem(() -> r.pathParam("long"), ProblemType.NOT_FOUND, null);
        problem(() -> r.pathParam("slash"), ProblemType.NOT_FOUND, null);
        problem(() -> r.pathParam("absent"), ProblemType.NOT_FOUND, null);
    }

    @Test
    void queryParametersAndCookies() {
        HttpRequest r = request(HttpEvents.request("GET", "/x").query("status", "open").query("blank", "")
                .cookie("theme", "dark").cookie("session", "abc").cookie("session", "second").cookie("empty", ""));
        assertThat(r.query("status")).contains("open");
        assertThat(r.query("blank")).isEmpty();
        assertThat(r.query("absent")).isEmpty();
        assertThat(r.cookie("session")).as("the first of that name").contains("abc");
        assertThat(r.cookie("theme")).contains("dark");
        assertThat(r.cookie("empty")).isEmpty();
        assertThat(r.cookie("sess")).isEmpty();
        APIGatewayV2HTTPEvent spaced = HttpEvents.request("GET", "/x").build();
        spaced.setCookies(List.of(" a=1", "b=2 "));
        assertThat(request(spaced).cookie("a")).contains("1");
        assertThat(request(spaced).cookie("b")).contains("2");
    }

    @Test
    void aLimitIsOneToAHundredAndTwentyFiveWhenAbsent() {
        assertThat(request(HttpEvents.request("GET", "/x")).limit()).isEqualTo(25);
        assertThat(request(HttpEvents.request("GET", "/x").query("limit", "1")).limit()).isEqualTo(1);
        assertThat(request(HttpEvents.request("GET", "/x").query("limit", "100")).limit()).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-3", "ten", "2.5"}) {
            problem(() -> request(HttpEvents.request("GET", "/x").query("limit", bad)).limit(), ProblemType.VALIDATION, null,
                    "limit: must be a whole number from 1 to 100");
        }
    }

    @Test
    void ifMatchNamesAVersionStrongOrWeak() {
        assertThat(request(HttpEvents.request("PUT", "/x").header("If-Match", "\"3\"")).ifMatchVersion()).contains(3L);
        assertThat(request(HttpEvents.request("PUT", "/x").header("if-match", " W/\"12\" ")).ifMatchVersion()).contains(12L);
        assertThat(request(HttpEvents.request("PUT", "/x").header("if-match", "7")).ifMatchVersion()).contains(7L);
        problem(() -> request(HttpEvents.request("PUT", "/x").header("if-match", "\"abc\"")).ifMatchVersion(),
                ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this resource");
    }

    @Test
    void theCallerIsTheTokensSubjectWithItsAddressSessionAndVerification() {
        assertThat(request(HttpEvents.request("GET", "/x").as("u1")).caller())
                .isEqualTo(new Caller("u1", "u1@example.test", "session-u1", true));
        assertThat(request(HttpEvents.request("GET", "/x").asUnverified("u2")).caller().emailVerified()).isFalse();
        problem(() -> request(HttpEvents.request("GET", "/x").claims(Map.of("email", "a@b.c"))).caller(), ProblemType.UNAUTHORIZED, null);
    }

    @Test
    void aBodyIsReadPlainOrBase64WithinItsLimit() {
        assertThat(new String(request(HttpEvents.request("POST", "/x").body("é".repeat(50))).rawBody(), StandardCharsets.UTF_8))
                .isEqualTo("é".repeat(50));
        problem(() -> request(HttpEvents.request("POST", "/x").body("x".repeat(101))).rawBody(), ProblemType.PAYLOAD_TOO_LARGE,
                "The request body must not exceed 100 bytes");
        APIGatewayV2HTTPEvent encoded = HttpEvents.request("POST", "/x").body(Base64.getEncoder().encodeToString(new byte[100])).build();
        encoded.setIsBase64Encoded(true);
        assertThat(request(encoded).rawBody()).hasSize(100);
        encoded.setBody(Base64.getEncoder().encodeToString(new byte[101]));
        problem(() -> request(encoded).rawBody(), ProblemType.PAYLOAD_TOO_LARGE, null);
        encoded.setBody("x".repeat(138));
        problem(() -> request(encoded).rawBody(), ProblemType.PAYLOAD_TOO_LARGE, null);
        encoded.setBody("not base64!");
        problem(() -> request(encoded).rawBody(), ProblemType.MALFORMED_JSON, "The request body is not valid base64");
    }

    private static Body json(String body, String contentType) {
        return request(HttpEvents.request("POST", "/x").header("content-type", contentType).body(body)).json(Body.class);
    }

    @Test
    void aJsonBodyIsParsedAndValidated() {
        assertThat(json("{\"name\":\"Ann\",\"items\":[{\"count\":2}]}", "application/json; charset=utf-8"))
                .isEqualTo(new Body("Ann", List.of(new Body.Item(2))));
        assertThat(json("{\"name\":\"Ann\"}", "application/merge-patch+json").name()).isEqualTo("Ann");
        assertThat(json("{\"name\":\"Ann\"}", "Application/JSON").name()).isEqualTo("Ann");
        APIGatewayV2HTTPEvent noType = HttpEvents.request("POST", "/x").body("{\"name\":\"Ann\"}").build();
        noType.setHeaders(Map.of());
        assertThat(request(noType).json(Body.class).name()).isEqualTo("Ann");
    }

    @Test
    void everyFaultOfAJsonBodyIsAProblemNamingItsField() {
        problem(() -> json("{\"name\":\"Ann\"}", "text/plain"), ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        problem(() -> json(null, "application/json"), ProblemType.VALIDATION, null, "body: is required");
        problem(() -> json("", "application/json"), ProblemType.VALIDATION, null, "body: is required");
        problem(() -> json("{\"name\":", "application/json"), ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        problem(() -> json("{nope}", "application/json"), ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        assertThat(json("{\"name\":\"Ann\",\"extra\":1}", "application/json").name()).as("the platform's mapper passes over unknown fields")
                .isEqualTo("Ann");
        problem(() -> json("{\"name\":5}", "application/json"), ProblemType.VALIDATION, null, "name: has the wrong type");
        problem(() -> json("{\"name\":\"Ann\",\"items\":[{\"count\":2},{\"count\":\"many\"}]}", "application/json"),
                ProblemType.VALIDATION, null, "items.1.count: has the wrong type");
        problem(() -> json("[1]", "application/json"), ProblemType.VALIDATION, null, "body: has the wrong type");
        problem(() -> json("null", "application/json"), ProblemType.VALIDATION, null, "body: must be a JSON object");
        problem(() -> json("{\"name\":\"<b>\"}", "application/json"), ProblemType.VALIDATION, null,
                "name: contains characters that are not allowed");
    }
}
