package app.domus.finance.api;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import app.domus.finance.invoices.CreditNoteItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.payments.StripeEvents;
import app.domus.finance.runs.BillingRunItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How invoices and billing runs are shown by the API, and its query parameters. */
class ViewsTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void anInvoiceIsShownWithItsFiguresLinesAndWhatIsStillOwed() {
        InvoiceItem issued = f.invoice();
        f.settlement.apply(new StripeEvents(f.clock).succeeded("pi_1", 10000, issued.getId(), f.owner));
        InvoiceItem invoice = f.invoices.load(issued.getId()).orElseThrow();
        InvoiceView view = InvoiceView.of(invoice, null, "https://files.test/a.pdf", null, true);
        assertThat(view.invoiceId()).isEqualTo(invoice.getId());
        assertThat(view.number()).isEqualTo("INV-2026-000001");
        assertThat(view.status()).isEqualTo("partly_paid");
        assertThat(view.organisationId()).isEqualTo(f.org);
        assertThat(view.buildingId()).isEqualTo(f.building.getId());
        assertThat(view.unitId()).isEqualTo(f.unit1.getId());
        assertThat(view.unitNumber()).isEqualTo("1A");
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.netTotal()).isEqualTo(25000);
        assertThat(view.vatTotal()).isEqualTo(4500);
        assertThat(view.total()).isEqualTo(29500);
        assertThat(view.paid()).isEqualTo(10000);
        assertThat(view.outstanding()).isEqualTo(19500);
        assertThat(view.issuedOn()).isEqualTo("2026-03-02");
        assertThat(view.dueDate()).isEqualTo("2026-03-31");
        assertThat(view.createdAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(view.pdfUrl()).isEqualTo("https://files.test/a.pdf");
        assertThat(view.creditNote()).isNull();
        assertThat(view.items()).containsExactly(
                new InvoiceView.Line("Monthly advance", new BigDecimal("2"), 10000, new BigDecimal("20"), 20000, 4000, 24000),
                new InvoiceView.Line("Lift maintenance", new BigDecimal("1"), 5000, new BigDecimal("10"), 5000, 500, 5500));
        assertThat(InvoiceView.summary(invoice).items()).as("a list shows no lines").isNull();
        assertThat(InvoiceView.summary(invoice).pdfUrl()).isNull();
    }

    @Test
    void aCancelledInvoiceOwesNothingAndShowsItsCreditNote() {
        InvoiceItem issued = f.invoice();
        CreditNoteItem note = f.invoices.cancel(caller(f.manager), issued.getId(), new InvoiceRequests.CancelInvoice("Wrong unit"));
        InvoiceItem invoice = f.invoices.load(issued.getId()).orElseThrow();
        InvoiceView view = InvoiceView.of(invoice, note, null, "https://files.test/cn.pdf", false);
        assertThat(view.status()).isEqualTo("cancelled");
        assertThat(view.outstanding()).isZero();
        assertThat(view.items()).isNull();
        assertThat(view.creditNote()).isEqualTo(new InvoiceView.CreditNote(note.getId(), "CN-2026-000001", 29500, "Wrong unit", "2026-03-02",
                "https://files.test/cn.pdf"));
        invoice.setLines(null);
        assertThat(InvoiceView.of(invoice, null, null, null, true).items()).isNull();
    }

    @Test
    void aBillingRunIsShownWithItsTemplateProgressTotalsAndLinks() {
        BillingRunItem started = f.startRun("2026-03", FinanceFixture.line("Fee", 1001, "10.5", "per_unit"));
        BillingRunView fresh = BillingRunView.of(f.runs.load(started.getId()).orElseThrow());
        assertThat(fresh.status()).isEqualTo("running");
        assertThat(fresh.consumption()).isFalse();
        assertThat(fresh.unitsInvoiced()).isZero();
        assertThat(fresh.totals()).isEqualTo(new BillingRunView.Totals(0, 0, 0));
        assertThat(fresh.lines()).containsExactly(new BillingRunView.Line("Fee", 1001, new BigDecimal("10.5"), "per_unit"));

        f.runs.process(started.getId());
        BillingRunItem run = f.runs.load(started.getId()).orElseThrow();
        BillingRunView view = BillingRunView.of(run);
        assertThat(view.runId()).isEqualTo(run.getId());
        assertThat(view.buildingId()).isEqualTo(f.building.getId());
        assertThat(view.period()).isEqualTo("2026-03");
        assertThat(view.dueDate()).isEqualTo("2026-03-31");
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.unitsTotal()).isEqualTo(2);
        assertThat(view.unitsInvoiced()).isEqualTo(2);
        assertThat(view.unitsSkipped()).isZero();
        assertThat(view.invoices()).extracting(BillingRunView.Invoiced::unitNumber, BillingRunView.Invoiced::number, BillingRunView.Invoiced::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1A", "INV-2026-000001", 554L),
                        org.assertj.core.groups.Tuple.tuple("1B", "INV-2026-000002", 552L));
        assertThat(view.invoices().getFirst().unitId()).isEqualTo(f.unit1.getId());
        assertThat(view.invoices().getFirst().invoiceId()).isEqualTo(run.invoicesOrEmpty().getFirst().getInvoiceId());
        // 501 and 500 at 10.5 %: 52.605 → 53 and 52.5 → 52 (half even).
        assertThat(view.totals()).isEqualTo(new BillingRunView.Totals(1001, 105, 1106));
        assertThat(view.startedBy()).isEqualTo(f.manager);
        assertThat(view.startedAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(view.completedAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(view.lastError()).isNull();
        assertThat(view.links()).isEqualTo(new BillingRunView.Links("/billing-runs/" + run.getId(), "/invoices?buildingId=" + f.building.getId()));

        run.addSkipped(app.domus.finance.runs.RunUnit.skipped("u9", "9Z", "no_owner", "The unit has no owner to invoice"));
        run.setNetTotal(null);
        assertThat(BillingRunView.of(run).skipped()).containsExactly(new BillingRunView.Skipped("u9", "9Z", "no_owner", "The unit has no owner to invoice"));
        assertThat(BillingRunView.of(run).unitsSkipped()).isEqualTo(1);
        assertThat(BillingRunView.of(run).totals().net()).isZero();
    }

    @Test
    void queryDatesAreIsoDaysAndIdsAreIdentifiers() {
        assertThat(Params.date("from", "2026-03-01")).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(Refusals.field(() -> Params.date("from", "2026-3-1"))).isEqualTo("from");
        assertThat(Refusals.field(() -> Params.date("to", "2026-02-30"))).isEqualTo("to");
        assertThat(Refusals.detail(() -> Params.date("to", "2026-02-30T"))).isEqualTo("must be a date such as 2026-12-01");
        assertThat(Params.id("unitId", "01JUNIT_a-1")).isEqualTo("01JUNIT_a-1");
        assertThat(Params.id("unitId", null)).isNull();
        assertThat(Refusals.detail(() -> Params.id("unitId", "bad id"))).isEqualTo("is not a valid identifier");
        assertThat(Refusals.field(() -> Params.id("unitId", "x".repeat(65)))).isEqualTo("unitId");
        assertThat(Params.id("unitId", "x".repeat(64))).hasSize(64);
    }
}
