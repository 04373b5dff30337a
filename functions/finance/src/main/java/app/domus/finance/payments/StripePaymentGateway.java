package app.domus.finance.payments;

import com.stripe.StripeClient;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.ChargeListParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe through stripe-java, at {@code apiBase} (Stripe's own, or the local cloud's double). stripe-java retries network
 * failures and 409/5xx answers itself, with exponential backoff and jitter, sending the same {@code Idempotency-Key}
 * each time, so a retried create never charges twice. Timeouts are short: a payer waits on this call.
 *
 * <p>Behind a circuit breaker (resilience4j): when at least half of the last ten calls (five at least) found Stripe
 * unavailable, calls fail at once as {@link Unavailable} for 30 seconds, then two trial calls decide whether it closes.
 * A refusal of the request itself ({@link Refused}) is Stripe answering, and does not count. The breaker is per
 * function instance: each container learns of an outage from its own calls.
 */
public class StripePaymentGateway implements PaymentGateway {
    private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 8_000;
    static final int NETWORK_RETRIES = 2;

    static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(java.time.Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .recordException(e -> e instanceof Unavailable)
            .build();

    private final GatewaySecrets secrets;
    private final String apiBase;
    private final int networkRetries;
    private final CircuitBreaker breaker = CircuitBreaker.of("stripe", BREAKER);
    private String clientKey;
    private StripeClient client;

    public StripePaymentGateway(GatewaySecrets secrets, String apiBase) {
        this(secrets, apiBase, NETWORK_RETRIES);
    }

    StripePaymentGateway(GatewaySecrets secrets, String apiBase, int networkRetries) {
        this.secrets = secrets;
        this.apiBase = apiBase;
        this.networkRetries = networkRetries;
    }

    /** The call through the breaker; an open breaker answers {@link Unavailable} without calling Stripe. */
    private <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new Unavailable("The payment gateway failed too often lately; not calling it for a while", e);
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** The client for the current secret key, built again when the key was rotated. */
    private synchronized StripeClient client() {
        String key = secrets.secretKey();
        if (client == null || !key.equals(clientKey)) {
            var builder = StripeClient.builder().setApiKey(key).setConnectTimeout(CONNECT_TIMEOUT_MS).setReadTimeout(READ_TIMEOUT_MS)
                    .setMaxNetworkRetries(networkRetries);
            if (apiBase != null && !apiBase.isBlank()) builder.setApiBase(apiBase);
            client = builder.build();
            clientKey = key;
        }
        return client;
    }

    /**
     * Builds a client with a placeholder key and the requests' parameters (no call is made), so that stripe-java's client,
     * services, parameter builders and form encoding are loaded before the snapshot rather than on a payer's request.
     */
    @Override
    public void prime() {
        StripeClient warm = StripeClient.builder().setApiKey("sk_test_priming").setApiBase(apiBase == null ? "https://api.stripe.com" : apiBase).build();
        warm.v1().paymentIntents();
        warm.v1().charges();
        PaymentIntentCreateParams.builder().setAmount(1L).setCurrency("eur").setPaymentMethod("pm_priming").addPaymentMethodType("card")
                .setDescription("priming").putMetadata("priming", "true").build().toMap();
        ChargeListParams.builder().setPaymentIntent("pi_priming").setLimit(1L).build().toMap();
    }

    @Override
    public Intent createIntent(long amount, String currency, String paymentMethod, String description, Map<String, String> metadata,
                               String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .setPaymentMethod(paymentMethod)
                .addPaymentMethodType("card")
                .setDescription(description)
                .putAllMetadata(metadata)
                .build();
        return guarded(() -> {
            try {
                PaymentIntent intent = client().v1().paymentIntents().create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
                return new Intent(intent.getId(), intent.getClientSecret(), intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT), intent.getStatus());
            } catch (StripeException e) {
                throw translated("creating a PaymentIntent", e);
            }
        });
    }

    @Override
    public List<Charge> charges(Instant from, Instant to) {
        return list(ChargeListParams.builder()
                .setCreated(ChargeListParams.Created.builder().setGte(from.getEpochSecond()).setLt(to.getEpochSecond()).build())
                .setLimit(100L)
                .build());
    }

    @Override
    public List<Charge> chargesOf(String paymentIntentId) {
        return list(ChargeListParams.builder().setPaymentIntent(paymentIntentId).setLimit(100L).build());
    }

    private List<Charge> list(ChargeListParams params) {
        return guarded(() -> listing(params));
    }

    private List<Charge> listing(ChargeListParams params) {
        try {
            List<Charge> charges = new ArrayList<>();
            for (com.stripe.model.Charge charge : client().v1().charges().list(params).autoPagingIterable()) {
                charges.add(new Charge(charge.getId(), charge.getPaymentIntent(), charge.getAmount(), charge.getAmountRefunded(),
                        charge.getCurrency().toUpperCase(Locale.ROOT), "succeeded".equals(charge.getStatus()) && Boolean.TRUE.equals(charge.getPaid()),
                        Instant.ofEpochSecond(charge.getCreated())));
            }
            return charges;
        } catch (StripeException e) {
            throw translated("listing charges", e);
        }
    }

    @Override
    public Optional<Map<String, String>> intentMetadata(String paymentIntentId) {
        return guarded(() -> metadata(paymentIntentId));
    }

    private Optional<Map<String, String>> metadata(String paymentIntentId) {
        try {
            return Optional.of(Map.copyOf(client().v1().paymentIntents().retrieve(paymentIntentId).getMetadata()));
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) return Optional.empty();
            throw translated("reading a PaymentIntent", e);
        } catch (StripeException e) {
            throw translated("reading a PaymentIntent", e);
        }
    }

    /**
     * A refusal of the request itself becomes {@link Refused} with Stripe's code (the caller can fix it); everything
     * else (network, rate limit, Stripe's 5xx, our own key refused) is {@link Unavailable}, logged with Stripe's request id.
     */
    private static RuntimeException translated(String what, StripeException e) {
        if (e instanceof InvalidRequestException || e instanceof IdempotencyException || e instanceof com.stripe.exception.CardException) {
            return new Refused(e.getCode() == null ? "invalid_request" : e.getCode(), e.getStripeError() == null ? "refused" : e.getStripeError().getMessage());
        }
        LOG.error("Stripe failed {} (request {}, status {}): {}", what, e.getRequestId(), e.getStatusCode(), e.getClass().getSimpleName(), e);
        return new Unavailable("The payment gateway failed " + what, e);
    }
}
