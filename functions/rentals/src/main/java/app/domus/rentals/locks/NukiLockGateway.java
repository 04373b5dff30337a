package app.domus.rentals.locks;

import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.partners.PartnerHttp;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The smart locks through the Nuki Web API (https://api.nuki.io, "Nuki Web API" docs at docs.nuki.io), followed for its
 * shape and its rules, on the JDK HTTP client:
 * <ul>
 *   <li>Bearer API token on every call; JSON bodies; times as ISO-8601 UTC.</li>
 *   <li>{@code GET /smartlock/{smartlockId}}: the lock, with {@code serverState} (0 online, 4 offline) and
 *       {@code state.state} (1 locked, 3 unlocked), {@code state.batteryCritical}.</li>
 *   <li>{@code PUT /smartlock/{smartlockId}/auth}: a keypad code ({@code type} 13) with {@code allowedFromDate} and
 *       {@code allowedUntilDate}; {@code GET /smartlock/{smartlockId}/auth} lists the lock's authorizations, each with
 *       the {@code id} that {@code GET}/{@code DELETE /smartlock/{smartlockId}/auth/{id}} take.</li>
 *   <li>{@code POST /smartlock/{smartlockId}/action} with {@code {"action": 1}}: unlock.</li>
 *   <li>Nuki's API is asynchronous: a PUT, POST or DELETE answers 204 once the request is valid and queued, and is done
 *       when the server has reached the lock, usually within seconds, never while the lock is offline. So each
 *       operation first reads the lock ({@link LockResult.Offline} when it is not connected), then asks, then looks
 *       {@code confirmChecks} times, {@code confirmInterval} apart, whether it happened ({@link LockResult.Applied}),
 *       else answers {@link LockResult.Queued}. A code is made under a name and looked up by it first, so a retried
 *       or repeated creation never puts a second code on the lock. A 423 (another operation on the same lock is
 *       running) is the partner being busy: retried like a 5xx.</li>
 * </ul>
 * Every call goes through {@link PartnerCalls}: timeouts, retries with exponential backoff and jitter, a circuit breaker.
 */
public class NukiLockGateway implements LockGateway {
    public static final String PARTNER = "smart-lock";
    /** Nuki's authorization type of a keypad code. */
    static final int KEYPAD_CODE = 13;
    static final int ACTION_UNLOCK = 1;
    static final int SERVER_STATE_ONLINE = 0;
    static final int LOCK_STATE_LOCKED = 1;
    /** Six digits 1 to 9 (no 0), not starting with 12: what a Nuki Keypad takes. */
    private static final Pattern CODE = Pattern.compile("(?!12)[1-9]{6}");
    private static final DateTimeFormatter NUKI_TIME = DateTimeFormatter.ISO_INSTANT;
    static final Duration OFFLINE_RETRY_AFTER = Duration.ofMinutes(2);

    /** How often, and how far apart, an accepted operation is looked for on the lock before answering {@link LockResult.Queued}. */
    public record Confirmation(int checks, Duration interval) {
        public static Confirmation defaults() {
            return new Confirmation(3, Duration.ofMillis(500));
        }
    }

    private final String baseUrl;
    private final Supplier<String> apiToken;
    private final PartnerCalls calls;
    private final PartnerHttp http;
    private final Confirmation confirmation;

    public NukiLockGateway(String baseUrl, Supplier<String> apiToken) {
        this(baseUrl, apiToken, PartnerCalls.Settings.defaults(), Confirmation.defaults());
    }

    public NukiLockGateway(String baseUrl, Supplier<String> apiToken, PartnerCalls.Settings settings, Confirmation confirmation) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiToken = apiToken;
        this.calls = new PartnerCalls(PARTNER, settings);
        this.http = new PartnerHttp(PARTNER, settings);
        this.confirmation = confirmation;
    }

    public PartnerCalls calls() {
        return calls;
    }

    @Override
    public boolean acceptsCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    @Override
    public LockResult createCode(String lockId, String name, String code, Instant from, Instant until) {
        if (!acceptsCode(code)) throw new PartnerException.Invalid(PARTNER, "a keypad code is six digits 1-9, not starting with 12");
        if (from == null || until == null || !until.isAfter(from)) throw new PartnerException.Invalid(PARTNER, "the code's window must end after it starts");
        if (name == null || name.isBlank() || name.length() > 32) throw new PartnerException.Invalid(PARTNER, "a code's name is 1 to 32 characters");
        return calls.call(() -> {
            if (!readLock(lockId).online()) return offline(lockId);
            Optional<String> existing = authNamed(lockId, name);
            if (existing.isPresent()) return new LockResult.Applied(existing.get());
            expectAccepted(send("PUT", lockPath(lockId) + "/auth", createBody(name, code, from, until)), "creating a keypad code");
            return confirm(() -> authNamed(lockId, name).<LockResult>map(LockResult.Applied::new).orElse(null),
                    "keypad code " + name + " accepted; not on the lock yet");
        });
    }

    @Override
    public LockResult findCode(String lockId, String name) {
        return calls.call(() -> authNamed(lockId, name).<LockResult>map(LockResult.Applied::new)
                .orElseGet(() -> readLock(lockId).online() ? new LockResult.Queued("no code named " + name + " on the lock") : offline(lockId)));
    }

    @Override
    public LockResult revokeCode(String lockId, String authId) {
        String path = lockPath(lockId) + "/auth/" + segment(authId);
        return calls.call(() -> {
            if (!readLock(lockId).online()) return offline(lockId);
            PartnerHttp.Answer answer = send("DELETE", path, null);
            if (answer.status() != 404) expectAccepted(answer, "revoking a keypad code");
            return confirm(() -> send("GET", path, null).status() == 404 ? new LockResult.Applied(authId) : null,
                    "revocation of " + authId + " accepted; the code is still on the lock");
        });
    }

    @Override
    public LockResult unlock(String lockId) {
        return calls.call(() -> {
            if (!readLock(lockId).online()) return offline(lockId);
            ObjectNode body = Json.MAPPER.createObjectNode().put("action", ACTION_UNLOCK);
            PartnerHttp.Answer answer = send("POST", lockPath(lockId) + "/action", body);
            if (answer.status() == 410) return offline(lockId);
            expectAccepted(answer, "unlocking");
            return confirm(() -> readLock(lockId).locked() ? null : new LockResult.Applied(null), "unlock accepted; the lock has not reported it yet");
        });
    }

    @Override
    public LockState state(String lockId) {
        return calls.call(() -> readLock(lockId));
    }

    static ObjectNode createBody(String name, String code, Instant from, Instant until) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", name);
        body.put("type", KEYPAD_CODE);
        body.put("code", Integer.parseInt(code));
        body.put("allowedFromDate", NUKI_TIME.format(from.truncatedTo(ChronoUnit.MILLIS)));
        body.put("allowedUntilDate", NUKI_TIME.format(until.truncatedTo(ChronoUnit.MILLIS)));
        // Every day, all day within the dates: the window is the stay's.
        body.put("allowedWeekDays", 127);
        body.put("allowedFromTime", 0);
        body.put("allowedUntilTime", 0);
        body.put("remoteAllowed", false);
        return body;
    }

    /** The lock as {@code GET /smartlock/{id}} describes it. */
    static LockState lockState(String lockId, JsonNode lock) {
        if (!lock.isObject() || !lock.path("serverState").isInt()) throw new IllegalArgumentException("no serverState in the smartlock");
        JsonNode state = lock.path("state");
        return new LockState(lockId, lock.path("name").asText(""), lock.path("serverState").asInt() == SERVER_STATE_ONLINE,
                state.path("state").asInt(-1) == LOCK_STATE_LOCKED, state.path("batteryCritical").asBoolean(false));
    }

    /** The {@code id} of the keypad code named {@code name} in a {@code GET /smartlock/{id}/auth} answer. */
    static Optional<String> keypadCodeNamed(JsonNode auths, String name) {
        if (!auths.isArray()) throw new IllegalArgumentException("the authorizations are not a list");
        for (JsonNode auth : auths) {
            if (auth.path("type").asInt() == KEYPAD_CODE && name.equals(auth.path("name").asText()) && auth.hasNonNull("id")) {
                return Optional.of(auth.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private LockState readLock(String lockId) {
        PartnerHttp.Answer answer = send("GET", lockPath(lockId), null);
        expectAccepted(answer, "reading the lock");
        try {
            return lockState(lockId, parsed(answer, "the smartlock"));
        } catch (IllegalArgumentException e) {
            throw new PartnerException.Unavailable(PARTNER, "the smartlock answered in a shape it does not have: " + e.getMessage(), e);
        }
    }

    private Optional<String> authNamed(String lockId, String name) {
        PartnerHttp.Answer answer = send("GET", lockPath(lockId) + "/auth", null);
        expectAccepted(answer, "listing the lock's codes");
        try {
            return keypadCodeNamed(parsed(answer, "the authorizations"), name);
        } catch (IllegalArgumentException e) {
            throw new PartnerException.Unavailable(PARTNER, "the authorizations answered in a shape they do not have: " + e.getMessage(), e);
        }
    }

    private LockResult confirm(Supplier<LockResult> check, String queued) {
        for (int i = 0; i < confirmation.checks(); i++) {
            if (i > 0) pause(confirmation.interval());
            LockResult done = check.get();
            if (done != null) return done;
        }
        return new LockResult.Queued(queued);
    }

    private LockResult offline(String lockId) {
        return new LockResult.Offline(lockId, OFFLINE_RETRY_AFTER);
    }

    private PartnerHttp.Answer send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = http.request(baseUrl + path)
                .header("Authorization", "Bearer " + apiToken.get())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) request.header("Content-Type", "application/json");
        return http.send(request.build());
    }

    /**
     * 2xx goes on; 400 and 422 are {@link PartnerException.Invalid} with the API's message; 401, 403, 404, 405 and 409
     * are {@link PartnerException.Refused}; 423, 429 and everything else (5xx) are {@link PartnerException.Unavailable}.
     */
    private static void expectAccepted(PartnerHttp.Answer answer, String what) {
        int status = answer.status();
        if (answer.ok()) return;
        String message = message(answer.body());
        if (status == 400 || status == 422) throw new PartnerException.Invalid(PARTNER, what + ": " + message);
        if (status == 401 || status == 403 || status == 404 || status == 405 || status == 409) {
            throw new PartnerException.Refused(PARTNER, String.valueOf(status), what + ": " + message);
        }
        throw new PartnerException.Unavailable(PARTNER, what + " answered " + status + ": " + message, null);
    }

    private static JsonNode parsed(PartnerHttp.Answer answer, String what) {
        try {
            return Json.MAPPER.readTree(answer.body());
        } catch (Exception e) {
            // A body we cannot read is the partner failing, not an answer: retry it.
            throw new PartnerException.Unavailable(PARTNER, what + " could not be read", e instanceof UncheckedIOException u ? u.getCause() : e);
        }
    }

    private static String message(String body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            if (error != null && error.hasNonNull("detailMessage")) return error.path("detailMessage").asText();
            if (error != null && error.hasNonNull("message")) return error.path("message").asText();
        } catch (Exception ignored) {
            // not JSON: the status says enough
        }
        return body == null || body.isBlank() ? "(no body)" : body.substring(0, Math.min(200, body.length()));
    }

    private static String lockPath(String lockId) {
        return "/smartlock/" + segment(lockId);
    }

    private static String segment(String value) {
        if (value == null || value.isBlank()) throw new PartnerException.Invalid(PARTNER, "missing id");
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerException.Unavailable(PARTNER, "interrupted", e);
        }
    }
}
