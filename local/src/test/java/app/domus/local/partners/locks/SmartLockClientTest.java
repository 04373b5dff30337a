package app.domus.local.partners.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.console.Outbox;
import app.domus.local.json.Json;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.rentals.locks.LockResult;
import app.domus.rentals.locks.NukiLockGateway;
import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rentals' Nuki client against the smart-lock double, in-process. */
class SmartLockClientTest {
    static final String LOCK = "17000001";
    static final Instant FROM = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
    static final Instant UNTIL = FROM.plus(3, ChronoUnit.DAYS);

    @TempDir Path data;
    private SmartLockDouble locks;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A double whose operations reach the lock before it answers (ZERO), or only when settled (null). */
    private NukiLockGateway start(Duration applyDelay, PartnerCalls.Settings settings) throws Exception {
        locks = new SmartLockDouble(new SmartLockDoubleSettings("test-token", applyDelay));
        locks.start(new PartnerDoubleContext(freePort(), data, new Outbox(data.resolve("outbox.jsonl"))));
        return new NukiLockGateway(locks.baseUrl(), () -> "test-token", settings, new NukiLockGateway.Confirmation(2, Duration.ofMillis(1)));
    }

    private static PartnerCalls.Settings fast() {
        return PartnerCalls.Settings.defaults().withRetries(3, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        if (locks != null) locks.close();
        http.close();
    }

    @Test
    void aCodeOpensTheLockOnlyWithinItsWindow() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast());
        LockResult created = gateway.createCode(LOCK, "res-1", "345678", FROM, UNTIL);
        assertThat(created).isInstanceOf(LockResult.Applied.class);
        String authId = ((LockResult.Applied) created).authId();

        assertThat(keypad("345678", FROM.minusSeconds(1)).path("reason").asText()).isEqualTo("not yet valid");
        assertThat(keypad("345678", FROM.plus(1, ChronoUnit.HOURS)).path("opened").asBoolean()).isTrue();
        assertThat(keypad("345678", UNTIL).path("reason").asText()).isEqualTo("expired");
        assertThat(keypad("999999", FROM.plus(1, ChronoUnit.HOURS)).path("reason").asText()).isEqualTo("unknown code");

        JsonNode auth = control("GET", "locks/" + LOCK).path("auths").get(0);
        assertThat(auth.path("id").asText()).isEqualTo(authId);
        assertThat(Instant.parse(auth.path("allowedFromDate").asText())).isEqualTo(FROM);
        assertThat(Instant.parse(auth.path("allowedUntilDate").asText())).isEqualTo(UNTIL);
    }

    @Test
    void askingAgainUnderTheSameNameAddsNoSecondCode() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast());
        LockResult first = gateway.createCode(LOCK, "res-1", "345678", FROM, UNTIL);
        LockResult again = gateway.createCode(LOCK, "res-1", "345678", FROM, UNTIL);
        assertThat(again).isEqualTo(first);
        assertThat(control("GET", "locks/" + LOCK).path("auths")).hasSize(1);
    }

    @Test
    void aCreationTheLockHasNotTakenYetIsQueuedAndFoundLater() throws Exception {
        NukiLockGateway gateway = start(null, fast());
        assertThat(gateway.createCode(LOCK, "res-2", "456789", FROM, UNTIL)).isInstanceOf(LockResult.Queued.class);
        assertThat(gateway.findCode(LOCK, "res-2")).isInstanceOf(LockResult.Queued.class);
        control("POST", "operations/settle");
        assertThat(gateway.findCode(LOCK, "res-2")).isInstanceOf(LockResult.Applied.class);
    }

    @Test
    void aRevokedCodeNoLongerOpens() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast());
        String authId = ((LockResult.Applied) gateway.createCode(LOCK, "res-1", "345678", FROM, UNTIL)).authId();
        assertThat(gateway.revokeCode(LOCK, authId)).isEqualTo(new LockResult.Applied(authId));
        assertThat(keypad("345678", FROM.plus(1, ChronoUnit.HOURS)).path("reason").asText()).isEqualTo("unknown code");
        // Revoking again finds it gone: revoked all the same.
        assertThat(gateway.revokeCode(LOCK, authId)).isEqualTo(new LockResult.Applied(authId));
    }

    @Test
    void anOfflineLockIsAnAnswerNotAnError() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast());
        control("POST", "locks/" + LOCK + "/offline");
        assertThat(gateway.createCode(LOCK, "res-1", "345678", FROM, UNTIL)).isInstanceOf(LockResult.Offline.class);
        assertThat(gateway.unlock(LOCK)).isInstanceOf(LockResult.Offline.class);
        assertThat(gateway.state(LOCK).online()).isFalse();
        assertThat(control("GET", "locks/" + LOCK).path("auths")).isEmpty();

        control("POST", "locks/" + LOCK + "/online");
        assertThat(gateway.unlock(LOCK)).isEqualTo(new LockResult.Applied(null));
        assertThat(gateway.state(LOCK).locked()).isFalse();
    }

    @Test
    void anOperationQueuedBeforeTheLockWentOfflineFailsOnTheLock() throws Exception {
        NukiLockGateway gateway = start(null, fast());
        assertThat(gateway.createCode(LOCK, "res-3", "567891", FROM, UNTIL)).isInstanceOf(LockResult.Queued.class);
        control("POST", "locks/" + LOCK + "/offline");
        control("POST", "operations/settle");
        assertThat(control("GET", "operations").path("outcomes").get(0).path("errorCode").asText()).isEqualTo("ff");
        control("POST", "locks/" + LOCK + "/online");
        assertThat(gateway.findCode(LOCK, "res-3")).isInstanceOf(LockResult.Queued.class);
    }

    @Test
    void aFailingApiIsRetriedWithBackoff() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast());
        control("POST", "faults?kind=error&count=2");
        assertThat(gateway.state(LOCK).online()).isTrue();
        assertThat(control("GET", "faults")).isEmpty();
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndAnswersWithoutCallingWhileOpen() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, PartnerCalls.Settings.defaults().withRetries(1, Duration.ofMillis(1)));
        control("POST", "faults?kind=error&count=50");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> gateway.state(LOCK)).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                    e -> assertThat(e.breakerOpen()).isFalse());
        }
        assertThat(gateway.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(control("GET", "faults")).hasSize(45);
        assertThatThrownBy(() -> gateway.unlock(LOCK)).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.breakerOpen()).isTrue());
        // Answered by the breaker: the double saw no call.
        assertThat(control("GET", "faults")).hasSize(45);
    }

    @Test
    void aSlowApiTimesOut() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast().withRetries(1, Duration.ofMillis(1))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        control("POST", "faults?kind=slow&delayMillis=3000");
        assertThatThrownBy(() -> gateway.state(LOCK)).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.timedOut()).isTrue());
    }

    @Test
    void aBrokenAnswerIsThePartnerFailing() throws Exception {
        NukiLockGateway gateway = start(Duration.ZERO, fast().withRetries(1, Duration.ofMillis(1)));
        control("POST", "faults?kind=malformed");
        assertThatThrownBy(() -> gateway.state(LOCK)).isInstanceOf(PartnerException.Unavailable.class);
    }

    @Test
    void aWrongTokenOrAnUnknownLockIsRefused() throws Exception {
        start(Duration.ZERO, fast());
        NukiLockGateway wrong = new NukiLockGateway(locks.baseUrl(), () -> "other", fast(), NukiLockGateway.Confirmation.defaults());
        assertThatThrownBy(() -> wrong.state(LOCK)).isInstanceOfSatisfying(PartnerException.Refused.class, e -> assertThat(e.code()).isEqualTo("401"));
        NukiLockGateway gateway = new NukiLockGateway(locks.baseUrl(), () -> "test-token", fast(), NukiLockGateway.Confirmation.defaults());
        assertThatThrownBy(() -> gateway.state("42")).isInstanceOfSatisfying(PartnerException.Refused.class, e -> assertThat(e.code()).isEqualTo("404"));
    }

    @Test
    void theDoubleValidatesACodeLikeNuki() throws Exception {
        start(Duration.ZERO, fast());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(locks.baseUrl() + "/smartlock/" + LOCK + "/auth"))
                .header("Authorization", "Bearer test-token").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "x", "type": 13, "code": 123456, "allowedFromDate": "2030-01-01T00:00:00Z", "allowedUntilDate": "2030-01-02T00:00:00Z"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("must not start with 12");
    }

    private JsonNode keypad(String code, Instant at) throws Exception {
        return control("POST", "locks/" + LOCK + "/keypad?code=" + code + "&at=" + at);
    }

    private JsonNode control(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(locks.baseUrl() + "/_double/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
