package app.domus.shared.http;

import app.domus.shared.auth.Caller;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} with Stripe's semantics, on the kernel's idempotency store. The first request with a key
 * runs; its response (status, body, {@code Location}, {@code ETag}) is kept 24 hours. The same key again, from the
 * same caller on the same route with the same body, gets that response back (marked {@code Idempotent-Replayed:
 * true}) and nothing runs twice; with another body it is refused with 422; while the first is still running, 409.
 * Only a success is kept: a refused or failed request frees its key, so that a corrected retry can use it.
 */
public final class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    /** Printable ASCII, as Stripe accepts (a UUID v4 is what clients are advised to send). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** Longer than any function's timeout: a crashed first attempt blocks its key no longer than this. */
    private static final Duration IN_PROGRESS_WINDOW = Duration.ofSeconds(60);
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Type");

    private IdempotentRequests() {}

    /** A response as kept under its key. */
    record Stored(int status, Map<String, String> headers, String body) {}

    /** A response not to keep: the key is released and the response returned as it is. */
    private static final class NotKept extends RuntimeException {
        final APIGatewayV2HTTPResponse response;

        NotKept(APIGatewayV2HTTPResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    static APIGatewayV2HTTPResponse run(IdempotencyStore store, String scope, HttpRequest request, String correlationId,
                                        Supplier<APIGatewayV2HTTPResponse> work) {
        Optional<String> sent = request.header(HEADER);
        if (sent.isEmpty()) return work.get();
        String key = sent.get();
        if (!KEY.matcher(key).matches()) {
            throw ApiException.validation(HEADER, "must be 1 to 255 printable ASCII characters, e.g. a UUID");
        }
        if (store == null) throw new IllegalStateException("The handler accepts Idempotency-Key but was given no idempotency store");
        Caller caller = request.caller();
        String fingerprint = request.method() + " " + request.path() + "\n" + new String(request.rawBody(), java.nio.charset.StandardCharsets.UTF_8);
        String kept;
        APIGatewayV2HTTPResponse[] answered = new APIGatewayV2HTTPResponse[1];
        try {
            kept = store.once(scope + "#" + caller.userId(), key, fingerprint, IN_PROGRESS_WINDOW, () -> {
                APIGatewayV2HTTPResponse response = work.get();
                answered[0] = response;
                if (response.getStatusCode() < 200 || response.getStatusCode() >= 300) throw new NotKept(response);
                Map<String, String> headers = new LinkedHashMap<>();
                KEPT_HEADERS.forEach(name -> {
                    String value = response.getHeaders() == null ? null : response.getHeaders().get(name);
                    if (value != null) headers.put(name, value);
                });
                return Json.write(new Stored(response.getStatusCode(), headers, response.getBody()));
            });
        } catch (NotKept notKept) {
            return notKept.response;
        } catch (IdempotencyStore.PayloadMismatchException e) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new request");
        } catch (IdempotencyStore.InProgressException e) {
            throw ApiException.tooManyRequests(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still being processed; retry shortly", Duration.ofSeconds(1));
        }
        if (answered[0] != null) return answered[0];
        Stored stored = Json.read(kept, Stored.class);
        Map<String, String> headers = new LinkedHashMap<>(stored.headers());
        headers.put("Idempotent-Replayed", "true");
        headers.put("X-Correlation-Id", correlationId);
        headers.putIfAbsent("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(stored.status()).withHeaders(headers).withBody(stored.body()).build();
    }
}
