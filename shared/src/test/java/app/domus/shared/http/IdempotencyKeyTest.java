package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on a creating handler, through the kernel's idempotency store in DynamoDB Local. */
class IdempotencyKeyTest {
    record Thing(String name) implements Validated {
        @Override
        public void validate(Validator v) {
            v.text("name", name, 1, 20, true);
        }
    }

    private final IdempotencyStore store = new IdempotencyStore(LocalDynamo.client(), TestPlatform.config(), Clock.systemUTC());
    private final AtomicInteger created = new AtomicInteger();

    @AcceptsIdempotencyKey
    class CreateThingHandler extends HttpHandler {
        /** Runs inside the handler, to send a second request while the first is in flight. */
        Supplier<APIGatewayV2HTTPResponse> meanwhile;
        APIGatewayV2HTTPResponse answeredMeanwhile;

        @Override
        protected HttpResponse handle(HttpRequest request) {
            Thing thing = request.json(Thing.class);
            if (meanwhile != null) answeredMeanwhile = meanwhile.get();
            int id = created.incrementAndGet();
            return HttpResponse.created(Map.of("id", "thing-" + id, "name", thing.name())).location("/things/thing-" + id).etag(1);
        }

        @Override
        protected IdempotencyStore idempotency() {
            return store;
        }
    }

    /** The same handler without the annotation: it ignores the header. */
    class PlainHandler extends CreateThingHandler {}

    private final CreateThingHandler handler = new CreateThingHandler();

    private static HttpEvents post(String body, String key, String userId) {
        HttpEvents request = HttpEvents.request("POST", "/things").body(body).as(userId);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private static APIGatewayV2HTTPResponse call(HttpHandler handler, HttpEvents request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseWithoutCreatingAgain() {
        APIGatewayV2HTTPResponse first = call(handler, post("{\"name\":\"lamp\"}", "key-0001", "ada"));
        APIGatewayV2HTTPResponse second = call(handler, post("{\"name\":\"lamp\"}", "key-0001", "ada"));

        assertThat(created).hasValue(1);
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().get("Location")).isEqualTo(first.getHeaders().get("Location")).isEqualTo("/things/thing-1");
        assertThat(second.getHeaders().get("ETag")).isEqualTo(first.getHeaders().get("ETag"));
        assertThat(second.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndCreatesNothing() {
        call(handler, post("{\"name\":\"lamp\"}", "key-0002", "ada"));
        APIGatewayV2HTTPResponse reused = call(handler, post("{\"name\":\"sofa\"}", "key-0002", "ada"));

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(reused.getHeaders().get("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(Json.tree(reused.getBody()).path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(created).hasValue(1);
    }

    @Test
    void aRequestWhileTheFirstWithItsKeyIsInFlightGets409WithRetryAfter() {
        handler.meanwhile = () -> call(new CreateThingHandler(), post("{\"name\":\"lamp\"}", "key-0003", "ada"));
        APIGatewayV2HTTPResponse first = call(handler, post("{\"name\":\"lamp\"}", "key-0003", "ada"));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(handler.answeredMeanwhile.getStatusCode()).isEqualTo(409);
        assertThat(handler.answeredMeanwhile.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(Json.tree(handler.answeredMeanwhile.getBody()).path("type").asText()).endsWith("/idempotency-key-in-use");
        assertThat(created).hasValue(1);
    }

    @Test
    void keysAreScopedToTheCaller() {
        call(handler, post("{\"name\":\"lamp\"}", "key-0004", "ada"));
        APIGatewayV2HTTPResponse otherCaller = call(handler, post("{\"name\":\"lamp\"}", "key-0004", "bob"));

        assertThat(otherCaller.getStatusCode()).isEqualTo(201);
        assertThat(otherCaller.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(created).hasValue(2);
    }

    @Test
    void aRefusedRequestFreesItsKeyForTheCorrectedRetry() {
        APIGatewayV2HTTPResponse refused = call(handler, post("{\"name\":\"\"}", "key-0005", "ada"));
        APIGatewayV2HTTPResponse corrected = call(handler, post("{\"name\":\"lamp\"}", "key-0005", "ada"));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(corrected.getStatusCode()).isEqualTo(201);
        assertThat(created).hasValue(1);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsABadRequest() {
        APIGatewayV2HTTPResponse tooLong = call(handler, post("{\"name\":\"lamp\"}", "k".repeat(256), "ada"));
        APIGatewayV2HTTPResponse spaces = call(handler, post("{\"name\":\"lamp\"}", "my key", "ada"));

        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(Json.tree(tooLong.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(spaces.getStatusCode()).isEqualTo(400);
        assertThat(created).hasValue(0);
    }

    @Test
    void withoutAKeyEveryRequestRunsAndAHandlerWithoutTheMarkIgnoresTheHeader() {
        call(handler, post("{\"name\":\"lamp\"}", null, "ada"));
        call(handler, post("{\"name\":\"lamp\"}", null, "ada"));
        PlainHandler plain = new PlainHandler();
        call(plain, post("{\"name\":\"lamp\"}", "key-0007", "ada"));
        call(plain, post("{\"name\":\"lamp\"}", "key-0007", "ada"));

        assertThat(created).hasValue(4);
    }
}
