package app.domus.rentals.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A partner's HTTP: the answer as received, a partner that does not answer in time or cannot be reached. */
class PartnerHttpTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;
    private final PartnerHttp http = new PartnerHttp("p", PartnerCalls.Settings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

    PartnerHttpTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", e -> {
            byte[] b = "hello".getBytes();
            e.sendResponseHeaders(299, b.length);
            e.getResponseBody().write(b);
            e.close();
        });
        server.createContext("/slow", e -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void answersAsReceivedAndOnlyTwoHundredsAreOk() {
        PartnerHttp patient = new PartnerHttp("p", PartnerCalls.Settings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        PartnerHttp.Answer a = patient.send(patient.request(url("/ok")).GET().build());
        assertThat(a).isEqualTo(new PartnerHttp.Answer(299, "hello"));
        assertThat(a.ok()).isTrue();
        assertThat(new PartnerHttp.Answer(200, "").ok()).isTrue();
        assertThat(new PartnerHttp.Answer(199, "").ok()).isFalse();
        assertThat(new PartnerHttp.Answer(300, "").ok()).isFalse();
        assertThat(http.request(url("/ok")).build().timeout()).contains(Duration.ofMillis(300));
    }

    @Test
    void aPartnerTooSlowTimesOutAndOneUnreachableIsUnavailable() {
        assertThatThrownBy(() -> http.send(http.request(url("/slow")).GET().build())).isInstanceOfSatisfying(PartnerException.Unavailable.class, e -> {
            assertThat(e.timedOut()).isTrue();
            assertThat(e.breakerOpen()).isFalse();
            assertThat(e.partner()).isEqualTo("p");
            assertThat(e.getMessage()).isEqualTo("p: GET /slow timed out");
        });
        release.countDown();
        String gone = url("/ok");
        server.stop(0);
        assertThatThrownBy(() -> http.send(http.request(gone).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()))
                .isInstanceOfSatisfying(PartnerException.Unavailable.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).startsWith("p: POST /ok failed: ");
                });
    }

    @Test
    void theBreakersAnswerSaysSo() {
        var open = PartnerException.Unavailable.breakerOpen("p", null);
        assertThat(open.breakerOpen()).isTrue();
        assertThat(open.timedOut()).isFalse();
        assertThat(new PartnerException.Unavailable("p", "x", null).breakerOpen()).isFalse();
        assertThat(new PartnerException.Refused("p", "409", "busy").code()).isEqualTo("409");
        assertThat(new PartnerException.Invalid("p", "bad").reason()).isEqualTo("bad");
        assertThat(new PartnerException.Invalid("p", "bad").partner()).isEqualTo("p");
    }
}
