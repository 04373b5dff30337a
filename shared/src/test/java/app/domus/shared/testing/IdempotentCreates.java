package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.http.HttpHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a create that takes {@code Idempotency-Key} promises, for any context's handler tests: the same request again
 * with the same key gets the first response back (body and {@code Location}) marked {@code Idempotent-Replayed: true},
 * and what it makes is made once; the key with another body is a 422 that makes nothing.
 */
public final class IdempotentCreates {
    private IdempotentCreates() {}

    /**
     * @param request a fresh copy of the create, as its allowed caller sends it
     * @param otherBody the same create with another valid body, by the same caller
     * @param event the event type the create writes once
     */
    public static void assertKeyedCreate(HttpHandler handler, Supplier<HttpEvents> request, Supplier<HttpEvents> otherBody,
                                         RecordedEvents events, String event) {
        assertKeyedCreate(handler, request, otherBody, () -> events.ofType(event).size(), event + " events");
    }

    /**
     * The same for a create that writes no event: {@code created} counts what it makes (stored items, calls to a partner).
     */
    public static void assertKeyedCreate(HttpHandler handler, Supplier<HttpEvents> request, Supplier<HttpEvents> otherBody,
                                         IntSupplier created, String what) {
        String key = UUID.randomUUID().toString();
        int before = created.getAsInt();

        APIGatewayV2HTTPResponse first = DirectoryWorld.call(handler, request.get().header("Idempotency-Key", key));
        APIGatewayV2HTTPResponse again = DirectoryWorld.call(handler, request.get().header("Idempotency-Key", key));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        if (first.getHeaders().containsKey("Location")) {
            assertThat(again.getHeaders()).containsEntry("Location", first.getHeaders().get("Location"));
        }
        assertThat(created.getAsInt()).as("%s made once", what).isEqualTo(before + 1);

        Responses.assertProblem(DirectoryWorld.call(handler, otherBody.get().header("Idempotency-Key", key)), 422, "idempotency-key-reused");
        assertThat(created.getAsInt()).as("no %s made for another body under the key", what).isEqualTo(before + 1);
    }
}
