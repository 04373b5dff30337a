package app.domus.calendar.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The providers' side of a deleted account's calendar, in their HTTP shapes, against a local server answering as they do. */
class ProviderRevocationTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> status = new ConcurrentHashMap<>();
    private final HttpServer server = start();
    private final String base = "http://127.0.0.1:" + server.getAddress().getPort();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                requests.add(exchange.getRequestMethod() + " " + path + " " + body + (auth == null ? "" : " " + auth));
                int answer = status.getOrDefault(path, 200);
                byte[] out = (path.endsWith("/token") && answer == 200 ? "{\"access_token\":\"fresh-access\",\"expires_in\":3600}" : "{}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, answer == 204 ? -1 : out.length);
                if (answer != 204) exchange.getResponseBody().write(out);
                exchange.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GoogleCalendar google() {
        return new GoogleCalendar(new GoogleCalendar.Settings(base, base, base, "client", () -> "secret"), Clock.systemUTC(), Duration.ofMillis(1));
    }

    private MicrosoftGraphCalendar microsoft() {
        return new MicrosoftGraphCalendar(new MicrosoftGraphCalendar.Settings(base, base, "client", () -> "secret"), Clock.systemUTC(), Duration.ofMillis(1));
    }

    private static CalendarProvider.Tokens tokens() {
        return new CalendarProvider.Tokens("stale-access", "refresh-1", null);
    }

    @Test
    void googleRevokesTheRefreshTokenAndTakesAnUnknownTokenAsRevokedAlready() {
        google().revoke(tokens(), "channel-1");
        assertThat(requests).containsExactly("POST /revoke token=refresh-1");

        status.put("/revoke", 400); // {"error":"invalid_token"}: revoked before, or by the person at Google
        google().revoke(tokens(), null);

        status.put("/revoke", 503);
        assertThatThrownBy(() -> google().revoke(tokens(), null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
    }

    @Test
    void microsoftDeletesItsSubscriptionOnAFreshAccessTokenAndAGoneSubscriptionOrRefusedGrantIsNoError() {
        status.put("/v1.0/subscriptions/sub-1", 204);
        microsoft().revoke(tokens(), "sub-1");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).startsWith("POST /common/oauth2/v2.0/token ").contains("grant_type=refresh_token", "refresh_token=refresh-1");
        assertThat(requests.get(1)).isEqualTo("DELETE /v1.0/subscriptions/sub-1  Bearer fresh-access");

        status.put("/v1.0/subscriptions/sub-1", 404);
        microsoft().revoke(tokens(), "sub-1");
        status.put("/common/oauth2/v2.0/token", 400); // invalid_grant: the person removed the app's consent
        microsoft().revoke(tokens(), "sub-1");
        assertThat(requests).hasSize(5);

        microsoft().revoke(tokens(), null);
        assertThat(requests).as("no subscription: nothing to call").hasSize(5);
    }
}
