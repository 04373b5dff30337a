package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A handler's result as API Gateway receives it: status, JSON or text body, ETag, Location, no caching unless said. */
class HttpResponseTest {
    @Test
    void eachFactoryHasItsStatus() {
        assertThat(HttpResponse.ok("a").status()).isEqualTo(200);
        assertThat(HttpResponse.created("a").status()).isEqualTo(201);
        assertThat(HttpResponse.accepted("a").status()).isEqualTo(202);
        assertThat(HttpResponse.noContent().status()).isEqualTo(204);
        assertThat(HttpResponse.noContent().body()).isNull();
        assertThat(HttpResponse.status(409, "x").status()).isEqualTo(409);
        assertThat(HttpResponse.ok("a").body()).isEqualTo("a");
    }

    @Test
    void anObjectIsJsonAndEveryResponseCarriesTheCorrelationIdAndNoStore() {
        APIGatewayV2HTTPResponse event = HttpResponse.created(Map.of("id", "f1")).etag(3).location("/faults/f1").toEvent("corr-9");
        assertThat(event.getStatusCode()).isEqualTo(201);
        assertThat(event.getBody()).isEqualTo("{\"id\":\"f1\"}");
        assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("ETag", "\"3\"")
                .containsEntry("Location", "/faults/f1").containsEntry("X-Correlation-Id", "corr-9")
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void textIsPlainAndAHandlersOwnHeadersWin() {
        APIGatewayV2HTTPResponse event = HttpResponse.ok("hello").header("Content-Type", "text/csv")
                .header("Cache-Control", "max-age=60").toEvent("c");
        assertThat(event.getBody()).isEqualTo("hello");
        assertThat(event.getHeaders()).containsEntry("Content-Type", "text/csv").containsEntry("Cache-Control", "max-age=60");
        assertThat(HttpResponse.ok("hi").toEvent("c").getHeaders()).containsEntry("Content-Type", "text/plain; charset=utf-8");
        APIGatewayV2HTTPResponse empty = HttpResponse.noContent().toEvent("c");
        assertThat(empty.getBody()).isNull();
        assertThat(empty.getHeaders()).doesNotContainKey("Content-Type").containsEntry("Cache-Control", "no-store");
        assertThat(HttpResponse.ok("a").header("X-A", "1").headers()).containsExactly(Map.entry("X-A", "1"));
    }
}
