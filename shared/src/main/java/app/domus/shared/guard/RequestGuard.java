package app.domus.shared.guard;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.auth.Caller;
import app.domus.shared.config.Env;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ratelimit.RateLimiter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every HTTP request passes before its handler runs: its endpoint class's rate limit ({@link EndpointLimits}, a
 * 429 beyond it and the {@code RateLimit-*} headers on every answer of a limited route) and, for a signed-in caller,
 * whether the token's session still exists ({@link SessionCheck}, a 401 once it was ended by a logout or a password
 * change). Configured per stage by the template's {@code RateLimits} ({@code RATE_LIMITS}) and
 * {@code SessionCheckSeconds} ({@code SESSION_CHECK_SECONDS}); a function without them (unit tests) is not guarded.
 *
 * <p>A counter that cannot be reached lets the request through (logged): the limit protects the platform, and a
 * DynamoDB outage fails the handler's own calls anyway. A session that cannot be checked fails the request.
 */
public final class RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final RequestGuard NONE = new RequestGuard(null, null);
    private static final Map<List<String>, RequestGuard> BY_ENVIRONMENT = new ConcurrentHashMap<>();
    private static final ClassValue<Map<String, EndpointClass>> CLASSES = new ClassValue<>() {
        @Override
        protected Map<String, EndpointClass> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static volatile Supplier<DynamoDbClient> clients = RequestGuard::defaultClient;

    private final EndpointLimits limits;
    private final SessionCheck sessions;

    public RequestGuard(EndpointLimits limits, SessionCheck sessions) {
        this.limits = limits;
        this.sessions = sessions;
    }

    public static RequestGuard none() {
        return NONE;
    }

    /**
     * The guard of the function's environment, built once per configuration (the local cloud runs many functions, and
     * several clouds one after another, in one JVM). Its DynamoDB client honours the SDK's standard settings.
     */
    public static RequestGuard fromEnvironment() {
        Optional<String> rates = Env.optional("RATE_LIMITS");
        Optional<String> seconds = Env.optional("SESSION_CHECK_SECONDS").filter(s -> !s.equalsIgnoreCase("off"));
        Optional<String> table = Env.optional("TABLE_NAME");
        if (table.isEmpty() || (rates.isEmpty() && seconds.isEmpty())) return NONE;
        List<String> key = List.of(table.get(), rates.orElse(""), seconds.orElse(""),
                String.valueOf(System.getProperty("aws.endpointUrlDynamoDb")), String.valueOf(System.getProperty("aws.endpointUrl")));
        return BY_ENVIRONMENT.computeIfAbsent(key, k -> {
            DynamoDbClient dynamoDb = clients.get();
            Clock clock = Clock.systemUTC();
            RateLimitPolicy policy = RateLimitPolicy.parse(rates.orElse(""));
            EndpointLimits limits = policy.isOff() ? null
                    : new EndpointLimits(policy, new RateLimiter(dynamoDb, table.get(), clock), clock);
            SessionCheck sessions = seconds.map(s -> new SessionCheck(dynamoDb, table.get(), clock,
                    Duration.ofSeconds(Long.parseLong(s.trim())))).orElse(null);
            return new RequestGuard(limits, sessions);
        });
    }

    /** Where {@link #fromEnvironment()} gets its DynamoDB client (the bench points it at a recorded stub). */
    public static void useDynamoDb(Supplier<DynamoDbClient> supplier) {
        clients = supplier;
        BY_ENVIRONMENT.clear();
    }

    /**
     * The guard's own client, on a short budget: its calls come before the handler's within the function's timeout, so
     * a struggling table (throttling, 5xx) costs the request at most 2.5 s here, not the 8 s of the handler's
     * clients: an uncounted request passes, and a session that cannot be read is a 503 the client may retry.
     */
    private static DynamoDbClient defaultClient() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2)).build())
                .overrideConfiguration(AwsModule.overrides().toBuilder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofMillis(2500))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                        .build())
                .build();
    }

    /** Counts the request and checks its session; never throws (the refusal is in the admission). */
    public Admission admit(Class<?> handler, HttpRequest request) {
        if (limits == null && sessions == null) return Admission.PASS;
        Optional<Caller> caller = request.signedInCaller();
        EndpointLimits.Verdict verdict = null;
        if (limits != null) {
            EndpointClass type = CLASSES.get(handler).computeIfAbsent(request.method(), m -> EndpointClass.of(handler, m));
            try {
                verdict = limits.hit(type, subject(type, request, caller));
            } catch (RuntimeException e) {
                LOG.warn("Rate limit not counted ({}): {}", type.wire(), e.toString());
            }
        }
        RuntimeException refusal = null;
        if (verdict != null && !verdict.allowed()) {
            refusal = ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS,
                    "Too many " + verdict.type().wire().replace('_', ' ') + " requests; retry after the given seconds", verdict.reset());
        } else if (sessions != null && caller.isPresent() && caller.get().sessionId() != null) {
            try {
                if (!sessions.isOpen(caller.get().userId(), caller.get().sessionId())) {
                    refusal = new ApiException(ProblemType.INVALID_TOKEN, "This session has ended (signed out, or the password was changed); sign in again");
                }
            } catch (RuntimeException e) {
                refusal = e;
            }
        }
        return new Admission(verdict == null ? Map.of() : verdict.headers(), refusal);
    }

    private static String subject(EndpointClass type, HttpRequest request, Optional<Caller> caller) {
        return switch (type) {
            case WRITES, READS -> caller.map(c -> "user:" + c.userId()).orElse("ip:" + request.sourceIp());
            case WEBHOOKS -> request.routeKey().replace(' ', '_') + "#ip:" + request.sourceIp();
            default -> "ip:" + request.sourceIp();
        };
    }

    /** The guard's answer for one request: headers every response carries, and the refusal if there is one. */
    public static final class Admission {
        static final Admission PASS = new Admission(Map.of(), null);

        private final Map<String, String> headers;
        private final RuntimeException refusal;

        Admission(Map<String, String> headers, RuntimeException refusal) {
            this.headers = headers;
            this.refusal = refusal;
        }

        /** Throws the refusal (429, 401, or the failure of the session check), if any. */
        public void enforce() {
            if (refusal != null) throw refusal;
        }

        public Map<String, String> headers() {
            return headers;
        }

        /** Adds the rate-limit headers to a response (the refusal's Retry-After wins over one it already has). */
        public APIGatewayV2HTTPResponse stamp(APIGatewayV2HTTPResponse response) {
            if (headers.isEmpty() || response == null) return response;
            Map<String, String> merged = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
            headers.forEach((name, value) -> {
                if (name.equals("Retry-After") || !merged.containsKey(name)) merged.put(name, value);
            });
            response.setHeaders(merged);
            return response;
        }
    }
}
