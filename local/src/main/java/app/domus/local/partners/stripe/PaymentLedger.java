package app.domus.local.partners.stripe;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The double's Stripe account: payment intents, the charges their confirmations made, refunds, and the events each
 * change raised, in Stripe's JSON shapes. Events of the types a webhook endpoint subscribes to are handed to
 * {@code events} as they happen. Everything is in memory: a restart of the local cloud starts an empty account.
 */
final class PaymentLedger {
    /** The API version of stripe-java 31.0.0 ({@code Stripe.API_VERSION}), so its event deserialiser accepts our events. */
    static final String API_VERSION = "2025-11-17.clover";

    private static final Set<String> CREATE_PARAMETERS = Set.of("amount", "currency", "metadata", "payment_method_types",
            "automatic_payment_methods", "description", "receipt_email", "payment_method", "confirm", "customer",
            "statement_descriptor", "statement_descriptor_suffix", "expand");
    private static final Set<String> CONFIRM_PARAMETERS = Set.of("payment_method", "return_url", "receipt_email", "expand");
    private static final Set<String> REFUND_PARAMETERS = Set.of("payment_intent", "charge", "amount", "reason", "metadata", "expand");
    private static final Set<String> LIST_PARAMETERS = Set.of("created", "limit", "starting_after", "ending_before", "payment_intent", "customer", "expand");

    private final Map<String, ObjectNode> paymentIntents = new LinkedHashMap<>();
    private final Map<String, ObjectNode> charges = new LinkedHashMap<>();
    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Consumer<ObjectNode> webhookEvents;
    private final Clock clock;

    PaymentLedger(Consumer<ObjectNode> webhookEvents, Clock clock) {
        this.webhookEvents = webhookEvents;
        this.clock = clock;
    }

    synchronized ObjectNode createPaymentIntent(FormParameters parameters, StripeRequest request) {
        refuseUnknown(parameters, CREATE_PARAMETERS);
        long amount = positiveInteger("amount", parameters.value("amount"), true);
        String currency = currency(parameters.value("currency"));
        List<String> methodTypes = parameters.list("payment_method_types");
        String automatic = parameters.value("automatic_payment_methods[enabled]");
        if (!methodTypes.isEmpty() && automatic != null) {
            throw StripeApiException.invalidParameter(null,
                    "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", "automatic_payment_methods");
        }
        String id = StripeIds.next("pi");
        ObjectNode intent = Json.object();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_capturable", 0);
        intent.put("amount_received", 0);
        // Without payment_method_types, current API versions turn automatic payment methods on.
        if (methodTypes.isEmpty()) intent.putObject("automatic_payment_methods").put("enabled", automatic == null || Boolean.parseBoolean(automatic));
        else intent.putNull("automatic_payment_methods");
        intent.putNull("canceled_at");
        intent.putNull("cancellation_reason");
        intent.put("capture_method", "automatic_async");
        intent.put("client_secret", id + "_secret_" + StripeIds.random(25));
        intent.put("confirmation_method", "automatic");
        intent.put("created", now());
        intent.put("currency", currency);
        putNullable(intent, "customer", parameters.value("customer"));
        putNullable(intent, "description", parameters.value("description"));
        intent.putNull("last_payment_error");
        intent.putNull("latest_charge");
        intent.put("livemode", false);
        ObjectNode metadata = intent.putObject("metadata");
        parameters.map("metadata").forEach(metadata::put);
        intent.putNull("next_action");
        putNullable(intent, "payment_method", parameters.value("payment_method"));
        ArrayNode types = intent.putArray("payment_method_types");
        (methodTypes.isEmpty() ? List.of("card") : methodTypes).forEach(types::add);
        putNullable(intent, "receipt_email", parameters.value("receipt_email"));
        putNullable(intent, "statement_descriptor", parameters.value("statement_descriptor"));
        intent.put("status", intent.hasNonNull("payment_method") ? "requires_confirmation" : "requires_payment_method");
        paymentIntents.put(id, intent);
        if (Boolean.parseBoolean(parameters.value("confirm"))) return confirm(id, parameters.value("payment_method"), request);
        return intent.deepCopy();
    }

    synchronized ObjectNode paymentIntent(String id) {
        return existing(paymentIntents, id, "payment_intent").deepCopy();
    }

    synchronized ObjectNode confirm(String id, FormParameters parameters, StripeRequest request) {
        refuseUnknown(parameters, CONFIRM_PARAMETERS);
        ObjectNode intent = existing(paymentIntents, id, "payment_intent");
        if (parameters.value("receipt_email") != null) intent.put("receipt_email", parameters.value("receipt_email"));
        return confirm(id, parameters.value("payment_method"), request);
    }

    /**
     * Charges the intent's card: a succeeding test card makes a succeeded charge and intent; a declining one a
     * failed charge, the intent back in {@code requires_payment_method} with its {@code last_payment_error}, and the
     * 402 {@code card_error} Stripe answers, carrying the intent.
     */
    synchronized ObjectNode confirm(String id, String paymentMethod, StripeRequest request) {
        ObjectNode intent = existing(paymentIntents, id, "payment_intent");
        String status = intent.path("status").asText();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            String message = status.equals("succeeded")
                    ? "You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."
                    : "This PaymentIntent's status is " + status + ", but must be requires_payment_method or requires_confirmation to be confirmed.";
            throw StripeApiException.of(400, "invalid_request_error", "payment_intent_unexpected_state", message, false).with("payment_intent", intent.deepCopy());
        }
        String method = paymentMethod != null ? paymentMethod : intent.path("payment_method").asText(null);
        if (method == null) {
            throw StripeApiException.of(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method. Pass a payment_method.", false)
                    .with("payment_intent", intent.deepCopy());
        }
        TestCard card = TestCard.of(method).orElseThrow(() -> StripeApiException.of(400, "invalid_request_error", "resource_missing",
                "No such PaymentMethod: '" + method + "'", false).with("param", "payment_method"));
        // Stripe turns a test token like pm_card_visa into a payment method of its own on confirmation.
        String paymentMethodId = StripeIds.next("pm");
        ObjectNode charge = charge(intent, card, paymentMethodId);
        charges.put(charge.path("id").asText(), charge);
        intent.put("latest_charge", charge.path("id").asText());
        if (!card.declines()) {
            intent.put("status", "succeeded");
            intent.put("amount_received", intent.path("amount").asLong());
            intent.put("payment_method", paymentMethodId);
            intent.putNull("last_payment_error");
            raise("payment_intent.succeeded", intent, request);
            return intent.deepCopy();
        }
        ObjectNode error = intent.putObject("last_payment_error");
        error.put("charge", charge.path("id").asText());
        error.put("code", card.errorCode());
        error.put("decline_code", card.declineCode());
        error.put("doc_url", "https://docs.stripe.com/error-codes/" + card.errorCode().replace('_', '-'));
        error.put("message", card.declineMessage());
        error.set("payment_method", paymentMethod(paymentMethodId, card));
        error.put("type", "card_error");
        intent.put("status", "requires_payment_method");
        intent.putNull("payment_method");
        raise("payment_intent.payment_failed", intent, request);
        throw StripeApiException.of(402, "card_error", card.errorCode(), card.declineMessage(), false)
                .with("charge", charge.path("id").asText()).with("decline_code", card.declineCode())
                .with("payment_intent", intent.deepCopy());
    }

    /** Charges newest first, as Stripe lists them, filtered by {@code created[gte|gt|lte|lt]} and {@code payment_intent}. */
    synchronized ObjectNode charges(FormParameters query) {
        refuseUnknown(query, LIST_PARAMETERS);
        int limit = query.value("limit") == null ? 10 : (int) positiveInteger("limit", query.value("limit"), false);
        if (limit > 100) throw StripeApiException.invalidParameter("parameter_invalid_integer", "This value must be less than or equal to 100.", "limit");
        Map<String, Long> created = new LinkedHashMap<>();
        query.map("created").forEach((bound, value) -> created.put(bound, positiveInteger("created[" + bound + "]", value, true)));
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode charge : charges.values().stream().toList().reversed()) {
            long at = charge.path("created").asLong();
            if (created.containsKey("gte") && at < created.get("gte")) continue;
            if (created.containsKey("gt") && at <= created.get("gt")) continue;
            if (created.containsKey("lte") && at > created.get("lte")) continue;
            if (created.containsKey("lt") && at >= created.get("lt")) continue;
            if (query.value("payment_intent") != null && !query.value("payment_intent").equals(charge.path("payment_intent").asText())) continue;
            matching.add(charge);
        }
        String after = query.value("starting_after");
        if (after != null) {
            int position = indexOf(matching, after);
            if (position < 0) throw StripeApiException.noSuch("charge", after, "starting_after");
            matching = matching.subList(position + 1, matching.size());
        }
        ObjectNode list = Json.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        matching.stream().limit(limit).forEach(charge -> data.add(charge.deepCopy()));
        list.put("has_more", matching.size() > limit);
        list.put("url", "/v1/charges");
        return list;
    }

    synchronized ObjectNode charge(String id) {
        return existing(charges, id, "charge").deepCopy();
    }

    /** Refunds a succeeded charge in whole or (with {@code amount}) in part; the charge's {@code charge.refunded} event follows. */
    synchronized ObjectNode refund(FormParameters parameters, StripeRequest request) {
        refuseUnknown(parameters, REFUND_PARAMETERS);
        ObjectNode charge = refundedCharge(parameters);
        long remaining = charge.path("amount").asLong() - charge.path("amount_refunded").asLong();
        if (remaining == 0) {
            throw StripeApiException.of(400, "invalid_request_error", "charge_already_refunded",
                    "Charge " + charge.path("id").asText() + " has already been refunded.", false);
        }
        long amount = parameters.value("amount") == null ? remaining : positiveInteger("amount", parameters.value("amount"), false);
        if (amount > remaining) {
            throw StripeApiException.invalidParameter("amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + remaining + ")", "amount");
        }
        ObjectNode refund = Json.object();
        String id = StripeIds.next("re");
        refund.put("id", id);
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.putNull("balance_transaction");
        refund.put("charge", charge.path("id").asText());
        refund.put("created", now());
        refund.put("currency", charge.path("currency").asText());
        ObjectNode metadata = refund.putObject("metadata");
        parameters.map("metadata").forEach(metadata::put);
        refund.put("payment_intent", charge.path("payment_intent").asText());
        putNullable(refund, "reason", parameters.value("reason"));
        refund.put("status", "succeeded");
        refunds.put(id, refund);
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + amount);
        charge.put("refunded", charge.path("amount_refunded").asLong() == charge.path("amount").asLong());
        raise("charge.refunded", charge, request);
        return refund.deepCopy();
    }

    synchronized ObjectNode refundById(String id) {
        return existing(refunds, id, "refund").deepCopy();
    }

    synchronized ObjectNode event(String id) {
        return existing(events, id, "event").deepCopy();
    }

    /** Every PaymentIntent, oldest first. */
    synchronized List<ObjectNode> paymentIntents() {
        return paymentIntents.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Every event raised, oldest first. */
    synchronized List<ObjectNode> events() {
        return events.values().stream().map(ObjectNode::deepCopy).toList();
    }

    private ObjectNode refundedCharge(FormParameters parameters) {
        String intentId = parameters.value("payment_intent");
        String chargeId = parameters.value("charge");
        if (intentId == null && chargeId == null) {
            throw StripeApiException.invalidParameter("parameter_missing",
                    "One of the following params should be provided for this request: payment_intent or charge.", "payment_intent");
        }
        if (chargeId == null) {
            ObjectNode intent = paymentIntents.get(intentId);
            if (intent == null) throw StripeApiException.of(400, "invalid_request_error", "resource_missing", "No such payment_intent: '" + intentId + "'", false).with("param", "payment_intent");
            if (!intent.path("status").asText().equals("succeeded")) {
                throw StripeApiException.of(400, "invalid_request_error", "charge_not_refundable",
                        "This PaymentIntent does not have a successful charge to refund.", false).with("param", "payment_intent");
            }
            chargeId = intent.path("latest_charge").asText();
        }
        ObjectNode charge = charges.get(chargeId);
        if (charge == null) throw StripeApiException.of(400, "invalid_request_error", "resource_missing", "No such charge: '" + chargeId + "'", false).with("param", "charge");
        if (!charge.path("status").asText().equals("succeeded")) {
            throw StripeApiException.of(400, "invalid_request_error", "charge_not_refundable", "Charge " + chargeId + " has not succeeded.", false);
        }
        return charge;
    }

    private ObjectNode charge(ObjectNode intent, TestCard card, String paymentMethodId) {
        ObjectNode charge = Json.object();
        long amount = intent.path("amount").asLong();
        charge.put("id", StripeIds.next("ch"));
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_captured", card.declines() ? 0 : amount);
        charge.put("amount_refunded", 0);
        charge.putNull("balance_transaction");
        charge.put("captured", !card.declines());
        charge.put("created", now());
        charge.put("currency", intent.path("currency").asText());
        charge.set("customer", intent.path("customer").deepCopy());
        charge.set("description", intent.path("description").deepCopy());
        putNullable(charge, "failure_code", card.errorCode());
        putNullable(charge, "failure_message", card.declineMessage());
        charge.put("livemode", false);
        charge.set("metadata", intent.path("metadata").deepCopy());
        ObjectNode outcome = charge.putObject("outcome");
        outcome.put("network_status", card.declines() ? "declined_by_network" : "approved_by_network");
        putNullable(outcome, "reason", card.declineCode());
        outcome.put("risk_level", "normal");
        outcome.put("seller_message", card.declines() ? "The bank did not return any further details with this decline." : "Payment complete.");
        outcome.put("type", card.declines() ? "issuer_declined" : "authorized");
        charge.put("paid", !card.declines());
        charge.put("payment_intent", intent.path("id").asText());
        charge.put("payment_method", paymentMethodId);
        ObjectNode details = charge.putObject("payment_method_details");
        details.put("type", "card");
        details.set("card", cardDetails(card));
        charge.set("receipt_email", intent.path("receipt_email").deepCopy());
        charge.put("refunded", false);
        charge.put("status", card.declines() ? "failed" : "succeeded");
        return charge;
    }

    private static ObjectNode paymentMethod(String id, TestCard card) {
        ObjectNode method = Json.object();
        method.put("id", id);
        method.put("object", "payment_method");
        method.set("card", cardDetails(card));
        method.put("livemode", false);
        method.put("type", "card");
        return method;
    }

    private static ObjectNode cardDetails(TestCard card) {
        ObjectNode details = Json.object();
        details.put("brand", card.brand());
        details.put("country", "US");
        details.put("exp_month", 12);
        details.put("exp_year", 2034);
        details.put("funding", "credit");
        details.put("last4", card.last4());
        return details;
    }

    private void raise(String type, ObjectNode object, StripeRequest request) {
        ObjectNode event = Json.object();
        String id = StripeIds.next("evt");
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", now());
        event.putObject("data").set("object", object.deepCopy());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode requestField = event.putObject("request");
        putNullable(requestField, "id", request.id());
        putNullable(requestField, "idempotency_key", request.idempotencyKey());
        event.put("type", type);
        events.put(id, event);
        webhookEvents.accept(event.deepCopy());
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static ObjectNode existing(Map<String, ObjectNode> objects, String id, String what) {
        ObjectNode object = objects.get(id);
        if (object == null) throw StripeApiException.noSuch(what, id, "id");
        return object;
    }

    private static void refuseUnknown(FormParameters parameters, Set<String> known) {
        for (String name : parameters.names()) {
            if (!known.contains(name)) throw StripeApiException.invalidParameter("parameter_unknown", "Received unknown parameter: " + name, name);
        }
    }

    private static long positiveInteger(String param, String value, boolean required) {
        if (value == null && required) throw StripeApiException.missingParameter(param);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeApiException.invalidParameter("parameter_invalid_integer", "Invalid integer: " + value, param);
        }
        if (number < 1) throw StripeApiException.invalidParameter("parameter_invalid_integer", "This value must be greater than or equal to 1.", param);
        return number;
    }

    private static String currency(String value) {
        if (value == null) throw StripeApiException.missingParameter("currency");
        String currency = value.toLowerCase(java.util.Locale.ROOT);
        if (!currency.matches("[a-z]{3}")) throw StripeApiException.invalidParameter(null, "Invalid currency: " + value + ".", "currency");
        return currency;
    }

    private static int indexOf(List<ObjectNode> objects, String id) {
        for (int i = 0; i < objects.size(); i++) if (objects.get(i).path("id").asText().equals(id)) return i;
        return -1;
    }

    private static void putNullable(ObjectNode object, String field, String value) {
        if (value == null) object.putNull(field);
        else object.put(field, value);
    }
}
