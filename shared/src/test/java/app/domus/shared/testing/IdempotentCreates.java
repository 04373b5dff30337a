package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.http.HttpHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a create that takes {@code Idempotency-Key} promises, for any context's handler tests: the same request again
 * with the same key gets the first response back (body and {@code Location}) marked {@code Idempotent-Replayed: true},
 * and its event is written once; the key with another body is a 422 that writes nothing.
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
        String key = UUID.randomUUID().toString();
        int before = events.ofType(event).size();

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
        assertThat(events.ofType(event)).as("%s written once", event).hasSize(before + 1);

        APIGatewayV2HTTPResponse other = DirectoryWorld.call(handler, otherBody.get().header("Idempotency-Key", key));
        assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(422);
        assertThat(events.ofType(event)).as("nothing written for another body under the key").hasSize(before + 1);
    }
}
