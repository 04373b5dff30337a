package app.domus.rentals.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Nuki client against a small server that keeps one lock's state as the Nuki Web API does (asynchronously, when told). */
class NukiLockGatewayHttpTest {
    private static final Instant FROM = Instant.parse("2030-07-01T14:00:00Z");
    private static final Instant UNTIL = Instant.parse("2030-07-04T10:00:00Z");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String[]>> scripted = new ConcurrentHashMap<>();
    /** The lock's codes: id to name. */
    private final Map<String, String> codes = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int serverState = 0;
    private volatile boolean locked = true;
    /** Whether the lock carries out what it is asked (else the cloud only queues it). */
    private volatile boolean reachesLock = true;
    private volatile String token = "token-1";
    private final HttpServer server;
    private final NukiLockGateway gateway;

    NukiLockGatewayHttpTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        gateway = fresh();
    }

    /** A client of its own (its own breaker) to the server. */
    private NukiLockGateway fresh() {
        return new NukiLockGateway("http://127.0.0.1:" + server.getAddress().getPort() + "//",
                () -> token, PartnerCalls.Settings.defaults().withRetries(2, Duration.ofMillis(1)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new NukiLockGateway.Confirmation(2, Duration.ofMillis(1)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String key = method + " " + path;
        requests.add(key);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        Deque<String[]> script = scripted.get(key);
        if (script != null && !script.isEmpty()) {
            String[] answer = script.pop();
            respond(exchange, Integer.parseInt(answer[0]), answer[1]);
            return;
        }
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) parts[i] = java.net.URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        // "", "smartlock", id, ["auth", [authId]] | ["action"]
        if (parts.length == 3 && method.equals("GET")) {
            respond(exchange, 200, "{\"smartlockId\":1,\"name\":\"Front door\",\"serverState\":" + serverState
                    + ",\"state\":{\"state\":" + (locked ? 1 : 3) + ",\"batteryCritical\":true}}");
        } else if (parts.length == 4 && parts[3].equals("auth") && method.equals("GET")) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            list.addObject().put("id", "other").put("type", 0).put("name", "app user");
            codes.forEach((id, name) -> list.addObject().put("id", id).put("type", NukiLockGateway.KEYPAD_CODE).put("name", name));
            respond(exchange, 200, Json.write(list));
        } else if (parts.length == 4 && parts[3].equals("auth") && method.equals("PUT")) {
            if (reachesLock) codes.put("auth-" + ids.incrementAndGet(), Json.tree(body).path("name").asText());
            respond(exchange, 204, null);
        } else if (parts.length == 5 && method.equals("DELETE")) {
            if (!codes.containsKey(parts[4])) {
                respond(exchange, 404, "{\"detailMessage\":\"no such auth\"}");
                return;
            }
            if (reachesLock) codes.remove(parts[4]);
            respond(exchange, 204, null);
        } else if (parts.length == 5 && method.equals("GET")) {
            respond(exchange, codes.containsKey(parts[4]) ? 200 : 404, codes.containsKey(parts[4]) ? "{}" : "");
        } else if (parts.length == 4 && parts[3].equals("action") && method.equals("POST")) {
            if (reachesLock && Json.tree(body).path("action").asInt() == NukiLockGateway.ACTION_UNLOCK) locked = false;
            respond(exchange, 204, null);
        } else {
            respond(exchange, 405, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void script(String key, int status, String body) {
        scripted.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new String[] {String.valueOf(status), body});
    }

    @Test
    void createsAKeypadCodeAfterReadingTheLockAndConfirmsItOnTheLock() {
        LockResult result = gateway.createCode("L1", "res-1", "345678", FROM, UNTIL);

        assertThat(result).isEqualTo(new LockResult.Applied("auth-1"));
        assertThat(requests).containsExactly("GET /smartlock/L1", "GET /smartlock/L1/auth", "PUT /smartlock/L1/auth", "GET /smartlock/L1/auth");
        assertThat(authorizations).containsOnly("Bearer token-1");
        assertThat(contentTypes).containsExactly("null", "null", "application/json", "null");
        JsonNode sent = Json.tree(bodies.get(2));
        assertThat(sent.path("name").asText()).isEqualTo("res-1");
        assertThat(sent.path("code").asInt()).isEqualTo(345678);
        assertThat(sent.path("allowedFromDate").asText()).isEqualTo("2030-07-01T14:00:00Z");
        assertThat(bodies.get(0)).isEmpty();
    }

    @Test
    void aCodeOfTheSameNameAlreadyOnTheLockIsNotPutAgain() {
        codes.put("auth-9", "res-1");
        codes.put("auth-8", "res-2");
        token = "token-2";

        assertThat(gateway.createCode("L1", "res-2", "345678", FROM, UNTIL)).isEqualTo(new LockResult.Applied("auth-8"));
        assertThat(requests).containsExactly("GET /smartlock/L1", "GET /smartlock/L1/auth");
        assertThat(authorizations).containsOnly("Bearer token-2");
    }

    @Test
    void anOfflineLockIsAnsweredOfflineAndNothingIsAsked() {
        serverState = 4;
        assertThat(gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isEqualTo(new LockResult.Offline("L1", Duration.ofMinutes(2)));
        assertThat(gateway.revokeCode("L1", "auth-1")).isEqualTo(new LockResult.Offline("L1", Duration.ofMinutes(2)));
        assertThat(gateway.unlock("L1")).isEqualTo(new LockResult.Offline("L1", Duration.ofMinutes(2)));
        assertThat(requests).containsExactly("GET /smartlock/L1", "GET /smartlock/L1", "GET /smartlock/L1");
        assertThat(gateway.state("L1")).isEqualTo(new LockState("L1", "Front door", false, true, true));
    }

    @Test
    void aCodeTheCloudQueuedButTheLockHasNotTakenIsQueuedAfterTheConfiguredChecks() {
        reachesLock = false;
        LockResult result = gateway.createCode("L1", "res-1", "345678", FROM, UNTIL);
        assertThat(result).isInstanceOf(LockResult.Queued.class);
        assertThat(((LockResult.Queued) result).detail()).contains("res-1");
        assertThat(requests).containsExactly("GET /smartlock/L1", "GET /smartlock/L1/auth", "PUT /smartlock/L1/auth",
                "GET /smartlock/L1/auth", "GET /smartlock/L1/auth");
    }

    @Test
    void badCodesNamesAndWindowsAreRefusedWithoutCallingTheApi() {
        assertThatThrownBy(() -> gateway.createCode("L1", null, "345678", FROM, UNTIL)).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.createCode("L1", "  ", "345678", FROM, UNTIL)).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.createCode("L1", "n".repeat(33), "345678", FROM, UNTIL)).isInstanceOf(PartnerException.Invalid.class)
                .hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, FROM)).isInstanceOf(PartnerException.Invalid.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", null, UNTIL)).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, null)).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "123456", FROM, UNTIL)).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.revokeCode("L1", " ")).isInstanceOf(PartnerException.Invalid.class).hasMessageContaining("missing id");
        assertThatThrownBy(() -> gateway.revokeCode("L1", null)).isInstanceOf(PartnerException.Invalid.class);
        assertThat(requests).isEmpty();

        assertThat(gateway.createCode("L1", "n".repeat(32), "345678", FROM, FROM.plusMillis(1))).isInstanceOf(LockResult.Applied.class);
    }

    @Test
    void theApisRefusalsAndFailuresAreTheirKindWithTheApisMessage() {
        script("PUT /smartlock/L1/auth", 400, "{\"detailMessage\":\"code invalid\",\"message\":\"ignored\"}");
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("creating a keypad code: code invalid"));
        script("PUT /smartlock/L1/auth", 422, "{\"message\":\"duplicate code\"}");
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("creating a keypad code: duplicate code"));
        for (int status : new int[] {401, 403, 404, 405, 409}) {
            script("PUT /smartlock/L1/auth", status, "not json");
            assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).as("HTTP " + status)
                    .isInstanceOfSatisfying(PartnerException.Refused.class, e -> {
                        assertThat(e.code()).isEqualTo(String.valueOf(status));
                        assertThat(e.getMessage()).isEqualTo("smart-lock: creating a keypad code: not json");
                    });
        }
        requests.clear();
        script("PUT /smartlock/L1/auth", 423, "");
        script("PUT /smartlock/L1/auth", 423, "");
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).isEqualTo("smart-lock: creating a keypad code answered 423: (no body)"));
        assertThat(requests).as("a busy lock is tried again").filteredOn(r -> r.startsWith("PUT")).hasSize(2);
        script("PUT /smartlock/L1/auth", 503, "x".repeat(300));
        script("PUT /smartlock/L1/auth", 503, "x".repeat(300));
        assertThatThrownBy(() -> gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isInstanceOf(PartnerException.Unavailable.class)
                .hasMessageEndingWith(": " + "x".repeat(200));
        assertThat(codes).isEmpty();
    }

    @Test
    void aFailureOnceIsRetriedAndThenTheCallGoesThrough() {
        script("GET /smartlock/L1", 502, "");
        assertThat(gateway.createCode("L1", "res-1", "345678", FROM, UNTIL)).isEqualTo(new LockResult.Applied("auth-1"));
        assertThat(requests).first().isEqualTo("GET /smartlock/L1");
        assertThat(requests).filteredOn("GET /smartlock/L1"::equals).hasSize(2);
    }

    @Test
    void answersInAnotherShapeAreTheApiFailing() {
        script("GET /smartlock/L1", 200, "{not json");
        script("GET /smartlock/L1", 200, "{\"name\":\"no state\"}");
        assertThatThrownBy(() -> gateway.state("L1")).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("shape"));
        script("GET /smartlock/L1/auth", 200, "{\"id\":\"x\"}");
        script("GET /smartlock/L1/auth", 200, "{\"id\":\"x\"}");
        assertThatThrownBy(() -> fresh().findCode("L1", "res-1")).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("authorizations answered in a shape"));
        script("GET /smartlock/L1/auth", 200, "[oops");
        script("GET /smartlock/L1/auth", 200, "[oops");
        assertThatThrownBy(() -> fresh().findCode("L1", "res-1")).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("the authorizations could not be read"));
        script("GET /smartlock/L1", 404, "{\"detailMessage\":\"unknown lock\"}");
        assertThatThrownBy(() -> fresh().state("L1")).isInstanceOfSatisfying(PartnerException.Refused.class, e -> {
            assertThat(e.code()).isEqualTo("404");
            assertThat(e.getMessage()).isEqualTo("smart-lock: reading the lock: unknown lock");
        });
    }

    @Test
    void findsACodeByItsNameElseSaysWhetherTheLockIsThere() {
        codes.put("auth-3", "res-3");
        assertThat(gateway.findCode("L1", "res-3")).isEqualTo(new LockResult.Applied("auth-3"));
        assertThat(requests).containsExactly("GET /smartlock/L1/auth");
        assertThat(gateway.findCode("L1", "res-4")).isEqualTo(new LockResult.Queued("no code named res-4 on the lock"));
        serverState = 4;
        assertThat(gateway.findCode("L1", "res-4")).isEqualTo(new LockResult.Offline("L1", Duration.ofMinutes(2)));
        assertThat(gateway.findCode("L1", "res-3")).as("listed by the cloud even while offline").isEqualTo(new LockResult.Applied("auth-3"));
    }

    @Test
    void revokesACodeAndConfirmsItIsGone() {
        codes.put("auth 7", "res-7");
        assertThat(gateway.revokeCode("L 1", "auth 7")).isEqualTo(new LockResult.Applied("auth 7"));
        assertThat(requests).containsExactly("GET /smartlock/L+1", "DELETE /smartlock/L+1/auth/auth+7", "GET /smartlock/L+1/auth/auth+7");
        assertThat(codes).isEmpty();
    }

    @Test
    void aCodeAlreadyGoneIsRevokedAndOneStillThereIsQueued() {
        assertThat(gateway.revokeCode("L1", "auth-5")).isEqualTo(new LockResult.Applied("auth-5"));

        codes.put("auth-6", "res-6");
        reachesLock = false;
        requests.clear();
        LockResult result = gateway.revokeCode("L1", "auth-6");
        assertThat(result).isInstanceOf(LockResult.Queued.class);
        assertThat(((LockResult.Queued) result).detail()).contains("auth-6");
        assertThat(requests).containsExactly("GET /smartlock/L1", "DELETE /smartlock/L1/auth/auth-6", "GET /smartlock/L1/auth/auth-6",
                "GET /smartlock/L1/auth/auth-6");

        script("DELETE /smartlock/L1/auth/auth-6", 403, "{\"message\":\"not yours\"}");
        assertThatThrownBy(() -> gateway.revokeCode("L1", "auth-6")).isInstanceOfSatisfying(PartnerException.Refused.class,
                e -> assertThat(e.getMessage()).isEqualTo("smart-lock: revoking a keypad code: not yours"));
    }

    @Test
    void unlocksAndConfirmsTheBoltWasDrawn() {
        assertThat(gateway.unlock("L1")).isEqualTo(new LockResult.Applied(null));
        assertThat(requests).containsExactly("GET /smartlock/L1", "POST /smartlock/L1/action", "GET /smartlock/L1");
        assertThat(Json.tree(bodies.get(1))).isEqualTo(Json.MAPPER.createObjectNode().put("action", 1));
        assertThat(contentTypes.get(1)).isEqualTo("application/json");
        assertThat(locked).isFalse();
    }

    @Test
    void anUnlockTheLockDoesNotReportIsQueuedAndAGoneLockIsOffline() {
        reachesLock = false;
        assertThat(gateway.unlock("L1")).isInstanceOf(LockResult.Queued.class);
        assertThat(requests).containsExactly("GET /smartlock/L1", "POST /smartlock/L1/action", "GET /smartlock/L1", "GET /smartlock/L1");
        script("POST /smartlock/L1/action", 410, "");
        assertThat(gateway.unlock("L1")).isEqualTo(new LockResult.Offline("L1", Duration.ofMinutes(2)));
        script("POST /smartlock/L1/action", 400, "");
        assertThatThrownBy(() -> gateway.unlock("L1")).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("unlocking: (no body)"));
    }

    @Test
    void readsTheLockItself() {
        locked = false;
        assertThat(gateway.state("L1")).isEqualTo(new LockState("L1", "Front door", true, false, true));
        assertThat(gateway.calls().partner()).isEqualTo(NukiLockGateway.PARTNER);
    }
}
