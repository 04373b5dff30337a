package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's translation of Stripe's answers and its circuit breaker, against a stand-in for Stripe's HTTP API. */
class StripePaymentGatewayTest {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server = start();
    private final StripePaymentGateway gateway = new StripePaymentGateway(new GatewaySecrets(() -> "sk_test_123", () -> "whsec_123"),
            "http://127.0.0.1:" + server.getAddress().getPort(), 0);

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                calls.incrementAndGet();
                byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PaymentGateway.Intent create() {
        return gateway.createIntent(2500, "EUR", "pm_card_visa", "Invoice INV-1", Map.of("invoiceId", "inv-1"), "key-1");
    }

    @Test
    void anIntentIsReadFromStripesAnswer() {
        answer.set("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":2500,\"currency\":\"eur\",\"client_secret\":\"pi_1_secret_x\",\"status\":\"requires_confirmation\"}");
        assertThat(create()).isEqualTo(new PaymentGateway.Intent("pi_1", "pi_1_secret_x", 2500, "EUR", "requires_confirmation"));
    }

    @Test
    void aRefusalIsTheCallersAndNeverOpensTheBreaker() {
        status.set(400);
        answer.set("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such PaymentMethod: 'pm_x'\"}}");
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(this::create).isInstanceOfSatisfying(PaymentGateway.Refused.class, e -> assertThat(e.code()).isEqualTo("resource_missing"));
        }
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.get()).isEqualTo(8);
    }

    @Test
    void repeatedOutagesOpenTheBreakerAndLaterCallsFailAtOnceWithoutReachingStripe() {
        status.set(500);
        answer.set("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}");
        for (int i = 0; i < 5; i++) assertThatThrownBy(this::create).isInstanceOf(PaymentGateway.Unavailable.class);
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = calls.get();
        assertThatThrownBy(this::create).isInstanceOf(PaymentGateway.Unavailable.class).hasMessageContaining("not calling it");
        assertThat(calls.get()).as("an open breaker does not call Stripe").isEqualTo(reached);
    }
}
