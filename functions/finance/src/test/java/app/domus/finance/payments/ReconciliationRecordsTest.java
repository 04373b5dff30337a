package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The stored report of a day's reconciliation, and what the books count as booked. */
class ReconciliationRecordsTest {
    private final FinanceFixture f = new FinanceFixture();
    private final PaymentReconciliation reconciliation = new PaymentReconciliation(f.table, f.gateway, f.access, f.notifications, f.clock);
    private final StripeEvents stripe = new StripeEvents(f.clock);
    private final LocalDate day = LocalDate.parse("2026-03-02");
    private final Instant noon = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void theDaysReportIsStoredWithWhatWasCheckedAndWhenAndARefundAppliedOnBothSidesMatches() {
        InvoiceItem invoice = f.invoice();
        f.settlement.apply(stripe.succeeded("pi_1", 10000, invoice.getId(), f.owner));
        f.settlement.apply(stripe.refunded("pi_1", 2500, "eur"));
        f.gateway.charges.add(new PaymentGateway.Charge("ch_pi_1", "pi_1", 10000, 2500, "EUR", true, noon));
        f.gateway.charges.add(new PaymentGateway.Charge("ch_other", null, 700, 0, "EUR", true, noon));
        f.clock.set(Instant.parse("2026-03-03T02:00:00Z"));

        ReconciliationReportItem report = reconciliation.reconcile(day);
        assertThat(report.getDifferences()).isEmpty();
        assertThat(report.getGatewayNet()).isEqualTo(7500);
        assertThat(report.getBookedNet()).isEqualTo(7500);

        ReconciliationReportItem stored = f.table.get(ReconciliationReportItem.class, ReconciliationReportItem.pk("2026-03-02"),
                ReconciliationReportItem.SK).orElseThrow();
        assertThat(stored.getDay()).isEqualTo("2026-03-02");
        assertThat(stored.getChargesChecked()).as("every charge of the day, with an intent or not").isEqualTo(2);
        assertThat(stored.getPaymentsChecked()).as("the intent charged and the payment settled that day").isEqualTo(2);
        assertThat(stored.getGatewayNet()).isEqualTo(7500);
        assertThat(stored.getBookedNet()).isEqualTo(7500);
        assertThat(stored.getRanAt()).isEqualTo("2026-03-03T02:00:00Z");
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE)).isEmpty();

        // A rerun replaces it.
        f.clock.set(Instant.parse("2026-03-03T03:00:00Z"));
        reconciliation.reconcile(day);
        assertThat(f.table.get(ReconciliationReportItem.class, ReconciliationReportItem.pk("2026-03-02"), ReconciliationReportItem.SK)
                .orElseThrow().getRanAt()).isEqualTo("2026-03-03T03:00:00Z");
    }

    @Test
    void aPaymentSettledTodayButChargedAnotherDayIsComparedWithItsIntentsOwnChargesNetOfRefunds() {
        InvoiceItem invoice = f.invoice();
        f.settlement.apply(stripe.succeeded("pi_late", 10000, invoice.getId(), f.owner));
        f.settlement.apply(stripe.refunded("pi_late", 1000, "eur"));
        // Charged yesterday by the gateway's clock.
        f.gateway.charges.add(new PaymentGateway.Charge("ch_pi_late", "pi_late", 10000, 1000, "EUR", true, noon.minusSeconds(86_400)));
        ReconciliationReportItem report = reconciliation.reconcile(day);
        assertThat(report.getDifferences()).isEmpty();
        assertThat(report.getChargesChecked()).isZero();
        assertThat(report.getPaymentsChecked()).isEqualTo(1);

        // Without the refund at the gateway the two differ by it.
        f.gateway.charges.clear();
        f.gateway.charges.add(new PaymentGateway.Charge("ch_pi_late", "pi_late", 10000, 0, "EUR", true, noon.minusSeconds(86_400)));
        assertThat(reconciliation.reconcile(day).getDifferences()).containsExactly("not_at_gateway pi_late gateway 100.00 EUR books 90.00 EUR");
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE)).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("reconciliation-2026-03-02-" + f.building.getId() + "-" + f.manager);
            assertThat(n.data()).containsEntry("day", "2026-03-02").containsEntry("differences", "1")
                    .containsEntry("details", "not_at_gateway pi_late gateway 100.00 EUR books 90.00 EUR");
        });
    }

    @Test
    void aChargeOfAnIntentThatIsNotOursIsReportedButToldToNobody() {
        f.gateway.charges.add(new PaymentGateway.Charge("ch_x", "pi_stranger", 5000, 0, "EUR", true, noon));
        ReconciliationReportItem report = reconciliation.reconcile(day);
        assertThat(report.getDifferences()).containsExactly("not_booked pi_stranger gateway 50.00 EUR books 0.00 EUR");
        assertThat(f.notifications.ofTemplate(PaymentReconciliation.TEMPLATE)).isEmpty();
    }
}
