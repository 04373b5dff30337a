package app.domus.local.partners.stripe;

import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * The part of Stripe's REST API the platform uses, under {@code /v1/}: Bearer authentication with the account's test
 * secret key, form-encoded parameters, idempotency keys on POST, Stripe's error shape, and the injected faults.
 */
final class StripeApi implements HttpHandler {
    private record Answer(int status, String body) {}

    private final String secretKey;
    private final PaymentLedger ledger;
    private final IdempotentRequests idempotentRequests = new IdempotentRequests();
    private final InjectedFaults faults;

    StripeApi(String secretKey, PaymentLedger ledger, InjectedFaults faults) {
        this.secretKey = secretKey;
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            String requestId = StripeIds.next("req");
            exchange.getResponseHeaders().set("Request-Id", requestId);
            exchange.getResponseHeaders().set("Stripe-Version", PaymentLedger.API_VERSION);
            InjectedFaults.Fault fault = faults.next();
            if (fault != null && fault.kind() == InjectedFaults.Kind.ERROR) {
                Exchanges.send(exchange, 500, StripeApiException.of(500, "api_error", null,
                        "An unknown error occurred (injected by the Stripe double's test controls).", true).body());
                return;
            }
            if (fault != null && fault.kind() == InjectedFaults.Kind.MALFORMED) {
                Exchanges.send(exchange, 200, "{\"id\": \"pi_malformed\", \"object\": \"payment_intent\", \"amount\": ");
                return;
            }
            if (fault != null) InjectedFaults.pause(fault.delayMillis());
            Answer answer = answer(exchange, body, requestId);
            Exchanges.send(exchange, answer.status(), answer.body());
        }
    }

    private Answer answer(HttpExchange exchange, String body, String requestId) {
        try {
            authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (StripeApiException e) {
            return new Answer(e.status(), e.body());
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        FormParameters parameters = FormParameters.parse(method.equals("GET") ? exchange.getRequestURI().getRawQuery() : body);
        String key = method.equals("POST") ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
        String endpoint = method + " " + path;
        // One lock around replay, execution and keeping the result: a key's second request sees the first's result.
        synchronized (ledger) {
            try {
                if (key != null) {
                    Optional<IdempotentRequests.Result> kept = idempotentRequests.replay(key, endpoint, parameters.canonical());
                    if (kept.isPresent()) {
                        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                        exchange.getResponseHeaders().set("Original-Request", kept.get().requestId());
                        exchange.getResponseHeaders().set("Idempotency-Key", key);
                        return new Answer(kept.get().status(), kept.get().body());
                    }
                    exchange.getResponseHeaders().set("Idempotency-Key", key);
                }
                Answer answer;
                boolean keep = true;
                try {
                    answer = new Answer(200, Json.write(route(method, path, parameters, new StripeRequest(requestId, key))));
                } catch (StripeApiException e) {
                    answer = new Answer(e.status(), e.body());
                    keep = !e.validation();
                }
                if (key != null && keep) idempotentRequests.keep(key, new IdempotentRequests.Result(endpoint, parameters.canonical(), answer.status(), answer.body(), requestId));
                return answer;
            } catch (StripeApiException e) {
                return new Answer(e.status(), e.body());
            }
        }
    }

    private ObjectNode route(String method, String path, FormParameters parameters, StripeRequest request) {
        String[] parts = path.replaceAll("/+$", "").split("/");
        // parts: "", "v1", resource, id?, action?
        String resource = parts.length > 2 ? parts[2] : "";
        String id = parts.length > 3 ? parts[3] : null;
        String action = parts.length > 4 ? parts[4] : null;
        return switch (method + " " + resource + (id == null ? "" : " {id}") + (action == null ? "" : " " + action)) {
            case "POST payment_intents" -> ledger.createPaymentIntent(parameters, request);
            case "GET payment_intents {id}" -> ledger.paymentIntent(id);
            case "POST payment_intents {id} confirm" -> ledger.confirm(id, parameters, request);
            case "GET charges" -> ledger.charges(parameters);
            case "GET charges {id}" -> ledger.charge(id);
            case "POST refunds" -> ledger.refund(parameters, request);
            case "GET refunds {id}" -> ledger.refundById(id);
            case "GET events {id}" -> ledger.event(id);
            default -> throw StripeApiException.of(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                    + "). The Stripe double answers only the calls listed in local/README.md.", true);
        };
    }

    private void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw StripeApiException.of(401, "invalid_request_error", null, "You did not provide an API key. You need to provide your API key in the "
                    + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').", true);
        }
        String given = authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()).trim() : null;
        if (!secretKey.equals(given)) {
            String shown = given == null ? "" : given.length() > 4 ? given.substring(0, Math.min(8, given.length())) + "****" + given.substring(given.length() - 4) : "****";
            throw StripeApiException.of(401, "invalid_request_error", null, "Invalid API Key provided: " + shown, true);
        }
    }
}
