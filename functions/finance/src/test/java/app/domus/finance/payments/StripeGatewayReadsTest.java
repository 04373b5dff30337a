package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing charges and reading an intent's metadata through the gateway, against a stand-in for Stripe's HTTP API. */
class StripeGatewayReadsTest {
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> key = new AtomicReference<>("sk_test_first");
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final HttpServer server = start();
    private final StripePaymentGateway gateway = new StripePaymentGateway(new GatewaySecrets(key::get, () -> "whsec_123"),
            "http://127.0.0.1:" + server.getAddress().getPort(), 0);

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
                keys.add(exchange.getRequestHeaders().getFirst("Authorization"));
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

    private static String charge(String id, String intent, long amount, long refunded, String chargeStatus, boolean paid, long created) {
        return ("{\"id\":\"%s\",\"object\":\"charge\",\"payment_intent\":%s,\"amount\":%d,\"amount_refunded\":%d,\"currency\":\"eur\","
                + "\"status\":\"%s\",\"paid\":%s,\"created\":%d}").formatted(id, intent == null ? "null" : "\"" + intent + "\"", amount, refunded,
                chargeStatus, paid, created);
    }

    private static String list(String... charges) {
        return "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":false,\"data\":[" + String.join(",", charges) + "]}";
    }

    @Test
    void theChargesOfADayAreReadWithTheirIntentAmountsAndWhetherTheyMovedMoney() {
        long created = Instant.parse("2026-03-02T12:00:00Z").getEpochSecond();
        answer.set(list(charge("ch_1", "pi_1", 10000, 2500, "succeeded", true, created), charge("ch_2", "pi_2", 500, 0, "failed", false, created),
                charge("ch_3", null, 700, 0, "succeeded", false, created)));
        List<PaymentGateway.Charge> charges = gateway.charges(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(charges).containsExactly(
                new PaymentGateway.Charge("ch_1", "pi_1", 10000, 2500, "EUR", true, Instant.parse("2026-03-02T12:00:00Z")),
                new PaymentGateway.Charge("ch_2", "pi_2", 500, 0, "EUR", false, Instant.parse("2026-03-02T12:00:00Z")),
                new PaymentGateway.Charge("ch_3", null, 700, 0, "EUR", false, Instant.parse("2026-03-02T12:00:00Z")));
        assertThat(charges).extracting(PaymentGateway.Charge::net).containsExactly(7500L, 0L, 0L);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("GET /v1/charges")
                .contains("created[gte]=" + Instant.parse("2026-03-02T00:00:00Z").getEpochSecond())
                .contains("created[lt]=" + Instant.parse("2026-03-03T00:00:00Z").getEpochSecond()));
    }

    @Test
    void theChargesOfOneIntentAreAskedForByItsId() {
        answer.set(list(charge("ch_1", "pi_1", 10000, 0, "succeeded", true, 1_772_452_800L)));
        assertThat(gateway.chargesOf("pi_1")).extracting(PaymentGateway.Charge::id, PaymentGateway.Charge::net)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ch_1", 10000L));
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).contains("payment_intent=pi_1"));
        answer.set(list());
        assertThat(gateway.chargesOf("pi_none")).isEmpty();
    }

    @Test
    void anIntentsMetadataIsReadAndAnIntentStripeDoesNotKnowHasNone() {
        answer.set("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":2500,\"currency\":\"eur\",\"metadata\":{\"invoiceId\":\"inv-1\",\"payerId\":\"u-1\"}}");
        assertThat(gateway.intentMetadata("pi_1")).contains(Map.of("invoiceId", "inv-1", "payerId", "u-1"));
        assertThat(requests).singleElement().isEqualTo("GET /v1/payment_intents/pi_1");

        status.set(404);
        answer.set("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such payment_intent: 'pi_x'\"}}");
        assertThat(gateway.intentMetadata("pi_x")).isEmpty();

        status.set(400);
        answer.set("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\",\"message\":\"Bad id\"}}");
        assertThatThrownBy(() -> gateway.intentMetadata("pi_y")).isInstanceOfSatisfying(PaymentGateway.Refused.class, e -> {
            assertThat(e.code()).isEqualTo("parameter_invalid");
            assertThat(e.getMessage()).isEqualTo("Bad id");
        });
        status.set(500);
        answer.set("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}");
        assertThatThrownBy(() -> gateway.intentMetadata("pi_z")).isInstanceOf(PaymentGateway.Unavailable.class)
                .hasMessage("The payment gateway failed reading a PaymentIntent");
        assertThatThrownBy(() -> gateway.chargesOf("pi_z")).isInstanceOf(PaymentGateway.Unavailable.class)
                .hasMessage("The payment gateway failed listing charges");
    }

    @Test
    void aRefusalWithoutACodeIsAnInvalidRequest() {
        status.set(400);
        answer.set("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Missing amount\"}}");
        assertThatThrownBy(() -> gateway.createIntent(1, "EUR", "pm_card_visa", "x", Map.of(), "k")).isInstanceOfSatisfying(PaymentGateway.Refused.class,
                e -> {
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.getMessage()).isEqualTo("Missing amount");
                });
    }

    @Test
    void aRotatedSecretKeyIsUsedFromTheNextCall() {
        answer.set(list());
        gateway.chargesOf("pi_1");
        gateway.chargesOf("pi_1");
        key.set("sk_test_second");
        gateway.chargesOf("pi_1");
        assertThat(keys).containsExactly("Bearer sk_test_first", "Bearer sk_test_first", "Bearer sk_test_second");
    }

    @Test
    void primingCallsNothing() {
        gateway.prime();
        new StripePaymentGateway(new GatewaySecrets(key::get, () -> "whsec_123"), null).prime();
        assertThat(requests).isEmpty();
    }
}
