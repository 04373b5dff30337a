package app.domus.local.partners.stripe;

import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The double's test controls under {@code /_double/}, on its own port and without the API key: what a person does in
 * Stripe's dashboard or with the Stripe CLI (pay with a test card, resend an event), plus what only a double can do
 * (hold and reorder events, forge or age a signature, make API calls fail, slow down or answer garbage).
 */
final class DoubleControls implements HttpHandler {
    static final List<String> CONTROLS = List.of(
            "GET  /_double/                              this overview, keys and webhook endpoint included",
            "GET  /_double/console                       an HTML page: the intents with buttons to succeed or fail them, the events with resend",
            "GET  /_double/payment_intents               every PaymentIntent, oldest first",
            "GET  /_double/keys                          {secretKey, webhookSecret}",
            "POST /_double/webhook-endpoint?url=...      where events are sent",
            "POST /_double/payment_intents/{id}/succeed  confirm with pm_card_visa",
            "POST /_double/payment_intents/{id}/fail     confirm with pm_card_chargeDeclined",
            "GET  /_double/events                        every event raised, oldest first",
            "POST /_double/events/{id}/resend            deliver an event again (a duplicate)",
            "POST /_double/events/{id}/forged            deliver once with a wrong signature",
            "POST /_double/events/{id}/stale?ageSeconds= deliver once signed in the past (default 600 s, beyond the 300 s tolerance)",
            "POST /_double/webhooks/hold                 keep new events back",
            "POST /_double/webhooks/release?order=reversed|created  send the held events, newest first when reversed",
            "GET  /_double/deliveries?event=evt_...      every delivery attempt with the endpoint's status",
            "POST /_double/faults?kind=error|slow|malformed&count=N&delayMillis=M  the next N API calls fail, wait M ms or answer non-JSON",
            "GET  /_double/faults, DELETE /_double/faults  pending faults; clear them");

    private final StripeKeys keys;
    private final String baseUrl;
    private final PaymentLedger ledger;
    private final WebhookDeliveries webhooks;
    private final InjectedFaults faults;

    DoubleControls(StripeKeys keys, String baseUrl, PaymentLedger ledger, WebhookDeliveries webhooks, InjectedFaults faults) {
        this.keys = keys;
        this.baseUrl = baseUrl;
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.body(exchange);
            String[] path = exchange.getRequestURI().getPath().substring("/_double".length()).replaceAll("^/|/$", "").split("/");
            Map<String, String> query = Exchanges.query(exchange);
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("GET") && path.length == 1 && path[0].equals("console")) {
                    Exchanges.send(exchange, 200, "text/html; charset=utf-8", DoubleConsole.page(ledger.paymentIntents(), ledger.events()));
                    return;
                }
                Object answer = answer(method, path, query);
                if ("console".equals(query.get("then"))) {
                    // A button of the console page: back to it, showing the change.
                    exchange.getResponseHeaders().set("Location", "/_double/console");
                    Exchanges.send(exchange, 303, "text/plain", "");
                    return;
                }
                Exchanges.send(exchange, 200, Json.write(answer));
            } catch (StripeApiException e) {
                Exchanges.send(exchange, e.status(), e.body());
            } catch (IllegalArgumentException e) {
                Exchanges.send(exchange, 400, Json.write(Map.of("message", String.valueOf(e.getMessage()), "controls", CONTROLS)));
            }
        }
    }

    private Object answer(String method, String[] path, Map<String, String> query) {
        String route = method + " " + String.join("/", path.length > 2 ? List.of(path[0], "{id}", path[2]) : List.of(path));
        return switch (route) {
            case "GET " -> overview();
            case "GET keys" -> Map.of("secretKey", keys.secretKey(), "webhookSecret", keys.webhookSecret());
            case "POST webhook-endpoint" -> {
                webhooks.endpoint(required(query, "url"));
                yield Map.of("url", webhooks.endpoint());
            }
            case "POST payment_intents/{id}/succeed" -> confirm(path[1], TestCard.SUCCEEDING);
            case "POST payment_intents/{id}/fail" -> confirm(path[1], TestCard.DECLINING);
            case "GET events" -> ledger.events();
            case "GET payment_intents" -> ledger.paymentIntents();
            case "POST events/{id}/resend" -> {
                webhooks.resend(ledger.event(path[1]));
                yield Map.of("resent", path[1]);
            }
            case "POST events/{id}/forged" -> webhooks.sendForged(ledger.event(path[1]));
            case "POST events/{id}/stale" -> webhooks.sendStale(ledger.event(path[1]),
                    Long.parseLong(query.getOrDefault("ageSeconds", String.valueOf(2 * WebhookDeliveries.STRIPE_TOLERANCE_SECONDS))));
            case "POST webhooks/hold" -> {
                webhooks.hold();
                yield Map.of("holding", true);
            }
            case "POST webhooks/release" -> Map.of("sent", webhooks.release("reversed".equals(query.get("order"))));
            case "GET deliveries" -> webhooks.attempts().stream()
                    .filter(delivery -> query.get("event") == null || delivery.eventId().equals(query.get("event"))).toList();
            case "GET faults" -> faults.pending();
            case "POST faults" -> faults.add(query);
            case "DELETE faults" -> {
                faults.clear();
                yield faults.pending();
            }
            default -> throw new IllegalArgumentException("No control " + route);
        };
    }

    /** The intent after confirming with the test card, whether the card was charged or declined. */
    private ObjectNode confirm(String paymentIntentId, String paymentMethod) {
        try {
            return ledger.confirm(paymentIntentId, paymentMethod, StripeRequest.NONE);
        } catch (StripeApiException e) {
            if (e.status() != 402) throw e;
            return ledger.paymentIntent(paymentIntentId);
        }
    }

    private Map<String, Object> overview() {
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("apiBase", baseUrl);
        overview.put("secretKey", keys.secretKey());
        overview.put("webhookSecret", keys.webhookSecret());
        overview.put("webhookEndpoint", webhooks.endpoint());
        overview.put("heldEvents", webhooks.heldEventIds());
        overview.put("pendingFaults", faults.pending());
        overview.put("controls", CONTROLS);
        return overview;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Missing query parameter " + name);
        return value;
    }
}
