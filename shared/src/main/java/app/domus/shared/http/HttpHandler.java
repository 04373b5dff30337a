package app.domus.shared.http;

import app.domus.shared.guard.RequestGuard;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every HTTP API handler: correlation id, structured logging, and the one error format. A
 * handler parses, authorises, calls one service method and maps the result; anything it throws becomes
 * an {@code application/problem+json} response. Unexpected failures are logged with the correlation id
 * and answered with a bare 500 that names only that id.
 *
 * <p>Lambda calls it as a stream handler: the event is read and the response written by {@link HttpApiEvents} with the
 * platform's own Jackson, not by the runtime's serialisation (a cold start's largest single cost, see there). Tests and
 * the bench call {@link #handleRequest(APIGatewayV2HTTPEvent, Context)} with the event itself.
 */
public abstract class HttpHandler implements RequestStreamHandler, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    protected abstract HttpResponse handle(HttpRequest request);

    private final boolean acceptsIdempotencyKey = getClass().isAnnotationPresent(AcceptsIdempotencyKey.class);

    /**
     * The store that keeps responses under their {@code Idempotency-Key}; a handler marked
     * {@link AcceptsIdempotencyKey} returns its component's.
     */
    protected IdempotencyStore idempotency() {
        return null;
    }

    /** Rate limits and the session check every request passes first ({@link RequestGuard}); the stage's by default. */
    protected RequestGuard guard() {
        return RequestGuard.fromEnvironment();
    }

    /** Largest body this endpoint accepts, in bytes. */
    protected int maxBodyBytes() {
        return HttpRequest.DEFAULT_MAX_BODY_BYTES;
    }

    /**
     * Before the snapshot: one request through the whole pipeline (event parsing, logging, the handler's first step,
     * the problem response) without credentials, so that it is refused before anything is read or written. A handler
     * may add warm-up of its own (a read) by overriding this and calling it.
     */
    @Override
    public void prime() {
        primingNow = true;
        try {
            // Through the stream entry point, as Lambda calls it, so that reading the event and writing the response
            // are in the snapshot too.
            handleRequest(new java.io.ByteArrayInputStream(PRIMING_EVENT), new java.io.ByteArrayOutputStream(1024), Priming.context());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            primingNow = false;
        }
    }

    /** An unauthenticated {@code POST /}: refused before a handler reads or writes anything. */
    private static final byte[] PRIMING_EVENT = """
            {"version":"2.0","routeKey":"POST /","rawPath":"/","rawQueryString":"",
             "headers":{"content-type":"application/json","x-correlation-id":"snapstart-priming"},
             "requestContext":{"requestId":"priming","routeKey":"POST /","stage":"$default","timeEpoch":0,
               "http":{"method":"POST","path":"/","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"priming"}},
             "body":"{}","isBase64Encoded":false}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** True while {@link #prime()} runs: its request is not counted against any limit (nothing is written). */
    private volatile boolean primingNow;

    /** What Lambda calls: the HTTP API event as JSON in, the response as JSON out. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event;
        try {
            event = HttpApiEvents.read(input);
        } catch (IOException e) {
            // Only a direct invoke can send this (API Gateway always sends an event): answer it in the one error format.
            LOG.info("Request refused: the invocation's payload is not an HTTP API event ({})", e.getClass().getSimpleName());
            String correlationId = Observability.newCorrelationId();
            ApiException malformed = new ApiException(ProblemType.MALFORMED_JSON, "The invocation's payload is not an API Gateway HTTP API event");
            HttpApiEvents.write(problem(Problem.of(malformed, "/", correlationId), malformed), output);
            return;
        }
        HttpApiEvents.write(handleRequest(event, context), output);
    }

    /** One request: the event API Gateway sent, the response it will send on. */
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String sent = event.getHeaders() == null ? null : headerIgnoringCase(event.getHeaders(), "x-correlation-id");
        String correlationId = Observability.acceptOrCreate(sent);
        return Observability.invocation(context, correlationId, () -> {
            HttpRequest request = new HttpRequest(event, correlationId, maxBodyBytes());
            RequestGuard.Admission admission = (primingNow ? RequestGuard.none() : guard()).admit(getClass(), request);
            try {
                admission.enforce();
                if (acceptsIdempotencyKey && "POST".equals(request.method())) {
                    return admission.stamp(IdempotentRequests.run(idempotency(), getClass().getSimpleName(), request, correlationId,
                            () -> handle(request).toEvent(correlationId)));
                }
                return admission.stamp(handle(request).toEvent(correlationId));
            } catch (ApiException e) {
                if (e.type().status() >= 500) LOG.warn("Request failed: {}", e.getMessage());
                else LOG.info("Request refused: {} {}", e.type().status(), e.type().name());
                return admission.stamp(problem(Problem.of(e, request.path(), correlationId), e));
            } catch (RuntimeException | Error e) {
                java.util.Optional<ApiException> dependency = DependencyFailures.problem(e);
                if (dependency.isPresent()) {
                    LOG.warn("A dependency failed serving {} {}", request.method(), request.path(), e);
                    return admission.stamp(problem(Problem.of(dependency.get(), request.path(), correlationId), dependency.get()));
                }
                LOG.error("Unhandled error serving {} {}", request.method(), request.path(), e);
                ApiException internal = new ApiException(ProblemType.INTERNAL,
                        "The request could not be completed. Quote correlation id " + correlationId + " when you report it.");
                return admission.stamp(problem(Problem.of(internal, request.path(), correlationId), internal));
            }
        });
    }

    private static APIGatewayV2HTTPResponse problem(Problem problem, ApiException cause) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Correlation-Id", problem.correlationId());
        if (cause.retryAfter() != null) {
            headers.put("Retry-After", String.valueOf(Math.max(1, cause.retryAfter().toSeconds())));
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(problem.status()).withHeaders(headers)
                .withBody(Json.write(problem)).build();
    }

    private static String headerIgnoringCase(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }
}
