package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentReconciliationTest {
    private final FinanceFixture f = new FinanceFixture();
    private final PaymentReconciliation reconciliation = new PaymentReconciliation(f.table, f.gateway, f.access, f.notifications, f.clock);
    private final LocalDate day = LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
    private final Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);

    private String paid(InvoiceItem invoice, String intent, long amount) {
        f.settlement.apply(GatewayEvent.parse("""
                {"id":"evt_%s","type":"payment_intent.succeeded","created":%d,"data":{"object":{"id":"%s","object":"payment_intent",
                "amount_received":%d,"currency":"eur","metadata":{"invoiceId":"%s"}}}}""".formatted(intent, noon.getEpochSecond(), intent, amount,
                invoice.getId())).orElseThrow());
        return intent;
    }

    private void charge(String intent, long amount, long refunded) {
        f.gateway.charges.add(new PaymentGateway.Charge("ch_" + intent, intent, amount, refunded, "EUR", true, noon));
    }

    @Test
    void booksThatMatchTheGatewayReportNothingAndTellNobody() {
        charge(paid(f.invoice(), "pi_ok", 29500), 29500, 0);
        f.gateway.charges.add(new PaymentGateway.Charge("ch_declined", "pi_ok", 29500, 0, "EUR", false, noon));
        ReconciliationReportItem report = reconciliation.reconcile(day);
        assertThat(report.getDifferences()).isEmpty();
        assertThat(report.getGatewayNet()).isEqualTo(29500);
        assertThat(report.getBookedNet()).isEqualTo(29500);
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE)).isEmpty();
    }

    @Test
    void moneyNotBookedARefundNotAppliedAndABookingTheGatewayLacksAreReportedToTheManagersOnceADay() {
        InvoiceItem invoice = f.invoice();
        // The gateway took money for an intent whose webhook never came: its metadata names the invoice.
        f.gateway.metadata.put("pi_lost", Map.of(PaymentRequests.INVOICE_ID, invoice.getId()));
        charge("pi_lost", 29500, 0);
        // A refund at the gateway that the books never heard of.
        charge(paid(invoice, "pi_refunded", 10000), 10000, 2500);
        // A payment the books settled that the gateway shows no charge for.
        paid(invoice, "pi_phantom", 500);

        ReconciliationReportItem report = reconciliation.reconcile(day);
        assertThat(report.getDifferences()).containsExactlyInAnyOrder(
                "not_booked pi_lost gateway 295.00 EUR books 0.00 EUR",
                "amount_differs pi_refunded gateway 75.00 EUR books 100.00 EUR",
                "not_at_gateway pi_phantom gateway 0.00 EUR books 5.00 EUR");
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE)).singleElement().satisfies(notice -> {
            assertThat(notice.userId()).isEqualTo(f.manager);
            assertThat(notice.data()).containsEntry("differences", "3");
        });

        // A rerun of the same day replaces the report and repeats the notice's id, which the notifier sends once.
        ReconciliationReportItem again = reconciliation.reconcile(day);
        assertThat(again.getDifferences()).hasSize(3);
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE).stream().map(n -> n.id()).distinct()).hasSize(1);
    }
}
