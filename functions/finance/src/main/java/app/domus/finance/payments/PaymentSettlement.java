package app.domus.finance.payments;

import app.domus.finance.FinanceEvents;
import app.domus.finance.Transactions;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.invoices.OpenInvoiceItem;
import app.domus.finance.ledger.Ledger;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Applies the gateway's events to the books, each once, in whatever order they come. One transaction per event: the
 * event's applied-marker (put only where none exists: a redelivery fails it and changes nothing), the payment with the
 * gateway's amounts raised to what the event says, and, for what that raised beyond what was already posted, the ledger
 * entries (payment, refund), the invoice's paid total and status, its open marker, and the events (outbox).
 *
 * <p>Order does not matter because Stripe's amounts are cumulative and only ever grow: a late {@code payment_failed}
 * after a success changes nothing, a {@code charge.refunded} before the success is kept and posted with it, a second
 * {@code charge.refunded} with a larger {@code amount_refunded} posts the difference.
 */
@Singleton
public class PaymentSettlement {
    public enum Outcome {
        /** The books moved (money posted, or a failure recorded). */
        APPLIED,
        /** Seen before: nothing written. */
        ALREADY_APPLIED,
        /** Not an event the books follow, or about a payment that is not ours: recorded as seen, nothing else. */
        IGNORED
    }

    private final DomusTable table;
    private final InvoiceService invoices;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public PaymentSettlement(DomusTable table, InvoiceService invoices, Ledger ledger, Outbox outbox, Clock clock) {
        this.table = table;
        this.invoices = invoices;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Outcome apply(GatewayEvent event) {
        return Transactions.retryingConflicts("The payment", () -> {
            if (applied(event.id())) return Outcome.ALREADY_APPLIED;
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            Outcome outcome = settle(event, transaction);
            transaction.addPutItem(table.of(GatewayEventItem.class), TransactPutItemEnhancedRequest.builder(GatewayEventItem.class)
                    .item(marker(event))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                    .build());
            table.client().transactWriteItems(transaction.build());
            return outcome;
        });
    }

    /** Adds the payment's and the books' writes for the event, if any, to the transaction. */
    private Outcome settle(GatewayEvent event, TransactWriteItemsEnhancedRequest.Builder transaction) {
        boolean succeeded = event.type().equals(GatewayEvent.PAYMENT_SUCCEEDED);
        boolean failed = event.type().equals(GatewayEvent.PAYMENT_FAILED);
        boolean refunded = event.type().equals(GatewayEvent.CHARGE_REFUNDED);
        if (!succeeded && !failed && !refunded) return Outcome.IGNORED;

        Optional<PaymentItem> stored = payment(event.paymentIntentId());
        PaymentItem payment = stored.orElseGet(() -> newPayment(event));
        if (payment.getInvoiceId() == null && event.metadata().get(PaymentRequests.INVOICE_ID) != null) {
            adopt(payment, event);
        }
        String now = clock.instant().toString();
        if (succeeded) {
            payment.setReceived(Math.max(payment.receivedOrZero(), event.amountReceived()));
            payment.setStatus(PaymentItem.SUCCEEDED);
            payment.setLastError(null);
            if (event.chargeId() != null) payment.setChargeId(event.chargeId());
            if (payment.getSettledOn() == null) {
                payment.setSettledOn(Instant.ofEpochSecond(event.created()).atZone(ZoneOffset.UTC).toLocalDate().toString());
                payment.setGsi2pk(PaymentItem.settledOn(payment.getSettledOn()));
                payment.setGsi2sk(payment.getId());
            }
        } else if (refunded) {
            payment.setRefunded(Math.max(payment.refundedOrZero(), event.amountRefunded()));
            if (event.chargeId() != null) payment.setChargeId(event.chargeId());
        } else if (!PaymentItem.SUCCEEDED.equals(payment.getStatus())) {
            // A decline after the success is an older attempt arriving late: the payment stays succeeded.
            payment.setStatus(PaymentItem.FAILED);
            payment.setLastError(event.failureMessage());
            if (payment.getInvoiceId() != null) {
                outbox.add(transaction, FinanceEvents.PAYMENT_FAILED, payment.getOrganisationId(), payment.getInvoiceId(),
                        new FinanceEvents.PaymentFailed(payment.getId(), payment.getInvoiceId(), payment.getInvoiceNumber(), payment.getOrganisationId(),
                                payment.getBuildingId(), payment.getUnitId(), event.failureMessage(), payment.getCreatedBy(), now));
            }
        }
        if (payment.getInvoiceId() == null) {
            // Neither ours nor known yet (a refund of a payment whose success has not come): keep what the gateway said.
            save(payment, stored.isEmpty(), now, transaction);
            return Outcome.IGNORED;
        }
        post(payment, now, transaction);
        save(payment, stored.isEmpty(), now, transaction);
        return Outcome.APPLIED;
    }

    /** Posts what the gateway reported beyond what was posted: the money received, then what of it was given back. */
    private void post(PaymentItem payment, String now, TransactWriteItemsEnhancedRequest.Builder transaction) {
        long toReceive = payment.receivedOrZero() - payment.postedReceivedOrZero();
        // A refund is posted only against money posted as received, never beyond it.
        long refundable = Math.min(payment.refundedOrZero(), payment.receivedOrZero());
        long toRefund = refundable - payment.postedRefundedOrZero();
        if (toReceive <= 0 && toRefund <= 0) return;

        InvoiceItem invoice = invoices.load(payment.getInvoiceId())
                .orElseThrow(() -> new IllegalStateException("Payment " + payment.getId() + " names invoice " + payment.getInvoiceId() + ", which does not exist"));
        List<Ledger.Entry> entries = new ArrayList<>();
        if (toReceive > 0) {
            entries.add(new Ledger.Entry(Ledger.Kind.PAYMENT, toReceive, invoice.getCurrency(), invoice.getOrganisationId(), "payment",
                    payment.getId(), invoice.getNumber(), "Payment for invoice " + invoice.getNumber()));
        }
        if (toRefund > 0) {
            entries.add(new Ledger.Entry(Ledger.Kind.REFUND, toRefund, invoice.getCurrency(), invoice.getOrganisationId(), "payment",
                    payment.getId(), invoice.getNumber(), "Refund of a payment for invoice " + invoice.getNumber()));
        }
        ledger.prepare(invoice.getUnitId(), entries).addTo(transaction);

        boolean wasOpen = isOpen(invoice);
        // Both differences are never negative: the amounts only grow, and what was posted is what they were.
        long paid = invoice.paid() + toReceive - toRefund;
        invoice.setPaidTotal(paid);
        if (!InvoiceItem.CANCELLED.equals(invoice.getStatus())) invoice.setStatus(InvoiceItem.statusFor(paid, invoice.getTotal()));
        transaction.addUpdateItem(table.of(InvoiceItem.class), invoice);
        OpenInvoiceItem open = OpenInvoiceItem.of(invoice);
        if (wasOpen && !isOpen(invoice)) {
            transaction.addDeleteItem(table.of(OpenInvoiceItem.class), Key.builder().partitionValue(open.getPk()).sortValue(open.getSk()).build());
        } else if (!wasOpen && isOpen(invoice)) {
            transaction.addPutItem(table.of(OpenInvoiceItem.class), open);
        }
        payment.setPostedReceived(payment.postedReceivedOrZero() + toReceive);
        payment.setPostedRefunded(payment.postedRefundedOrZero() + toRefund);

        String status = invoice.getStatus().toLowerCase(java.util.Locale.ROOT);
        if (toReceive > 0) {
            outbox.add(transaction, FinanceEvents.PAYMENT_RECEIVED, invoice.getOrganisationId(), invoice.getId(),
                    new FinanceEvents.PaymentReceived(payment.getId(), invoice.getId(), invoice.getNumber(), invoice.getOrganisationId(),
                            invoice.getBuildingId(), invoice.getUnitId(), invoice.getCurrency(), toReceive, paid, invoice.getTotal() - paid, status,
                            payment.getCreatedBy(), now));
        }
        if (toRefund > 0) {
            outbox.add(transaction, FinanceEvents.PAYMENT_REFUNDED, invoice.getOrganisationId(), invoice.getId(),
                    new FinanceEvents.PaymentRefunded(payment.getId(), invoice.getId(), invoice.getNumber(), invoice.getOrganisationId(),
                            invoice.getBuildingId(), invoice.getUnitId(), invoice.getCurrency(), toRefund, paid, invoice.getTotal() - paid, status, now));
        }
    }

    /** Owed and not cancelled: what the reminders look at. */
    private static boolean isOpen(InvoiceItem invoice) {
        return !InvoiceItem.CANCELLED.equals(invoice.getStatus()) && invoice.outstanding() > 0;
    }

    private void save(PaymentItem payment, boolean isNew, String now, TransactWriteItemsEnhancedRequest.Builder transaction) {
        payment.setUpdatedAt(now);
        if (isNew) {
            if (payment.getCreatedAt() == null) payment.setCreatedAt(now);
            transaction.addPutItem(table.of(PaymentItem.class), TransactPutItemEnhancedRequest.builder(PaymentItem.class).item(payment)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
        } else {
            transaction.addUpdateItem(table.of(PaymentItem.class), payment);
        }
    }

    private PaymentItem newPayment(GatewayEvent event) {
        PaymentItem payment = new PaymentItem();
        payment.setPk(PaymentItem.pk(event.paymentIntentId()));
        payment.setSk(PaymentItem.SK);
        payment.setId(event.paymentIntentId());
        payment.setStatus(PaymentItem.PENDING);
        payment.setCurrency(event.currency().isEmpty() ? null : event.currency());
        return payment;
    }

    /** A payment first seen through its event (the POST's own write had not happened): the intent's metadata names the invoice. */
    private void adopt(PaymentItem payment, GatewayEvent event) {
        invoices.load(event.metadata().get(PaymentRequests.INVOICE_ID)).ifPresent(invoice -> PaymentRequests.describe(payment, invoice));
        if (payment.getCreatedBy() == null) payment.setCreatedBy(event.metadata().get(PaymentRequests.PAYER_ID));
    }

    private GatewayEventItem marker(GatewayEvent event) {
        GatewayEventItem item = new GatewayEventItem();
        item.setPk(GatewayEventItem.pk(event.id()));
        item.setSk(GatewayEventItem.SK);
        item.setEventId(event.id());
        item.setType(event.type());
        item.setPaymentIntentId(event.paymentIntentId());
        item.setGatewayCreatedAt(Instant.ofEpochSecond(event.created()).toString());
        item.setAppliedAt(clock.instant().toString());
        item.setTtl(clock.instant().plus(java.time.Duration.ofDays(GatewayEventItem.KEPT_DAYS)).getEpochSecond());
        return item;
    }

    private boolean applied(String eventId) {
        return table.get(GatewayEventItem.class, GatewayEventItem.pk(eventId), GatewayEventItem.SK).isPresent();
    }

    /** Read strongly consistent: a retry after a lost race must start from the other writer's version. */
    public Optional<PaymentItem> payment(String paymentIntentId) {
        Key key = Key.builder().partitionValue(PaymentItem.pk(paymentIntentId)).sortValue(PaymentItem.SK).build();
        return Optional.ofNullable(table.of(PaymentItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
    }
}
