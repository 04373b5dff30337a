package app.domus.finance.payments;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/** Stripe's events as the settlement reads them, numbered {@code evt_1, evt_2...}, created at the clock's second. */
public final class StripeEvents {
    private final Clock clock;
    private int events;

    public StripeEvents(Clock clock) {
        this.clock = clock;
    }

    /** {@code payment_intent.succeeded} of {@code amount} for the invoice, paid by {@code payer}. */
    public GatewayEvent succeeded(String intent, long amount, String invoiceId, String payer) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", intent);
        object.put("object", "payment_intent");
        object.put("amount", amount);
        object.put("amount_received", amount);
        object.put("currency", "eur");
        object.put("latest_charge", "ch_" + intent);
        ObjectNode metadata = object.putObject("metadata");
        if (invoiceId != null) metadata.put(PaymentRequests.INVOICE_ID, invoiceId);
        if (payer != null) metadata.put(PaymentRequests.PAYER_ID, payer);
        return event("payment_intent.succeeded", object);
    }

    /** {@code charge.refunded}: {@code amountRefundedSoFar} is the charge's refunds so far; {@code currency} may be null. */
    public GatewayEvent refunded(String intent, long amountRefundedSoFar, String currency) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", "ch_" + intent);
        object.put("object", "charge");
        object.put("payment_intent", intent);
        object.put("amount_refunded", amountRefundedSoFar);
        if (currency != null) object.put("currency", currency);
        object.putObject("metadata");
        return event("charge.refunded", object);
    }

    public GatewayEvent event(String type, ObjectNode object) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("id", "evt_" + (++events));
        event.put("object", "event");
        event.put("type", type);
        event.put("created", clock.instant().getEpochSecond());
        event.putObject("data").set("object", object);
        return GatewayEvent.parse(Json.write(event)).orElseThrow();
    }
}
