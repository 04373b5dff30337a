package app.domus.finance.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import org.junit.jupiter.api.Test;

/** The stored sequences behind the numbers, and the open marker of an issued invoice. */
class InvoiceNumbersTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void eachSeriesOfEachYearIsOneStoredSequenceOfItsOrganisation() {
        f.invoice();
        f.invoice();
        NumberSequenceItem invoices = f.table.get(NumberSequenceItem.class, NumberSequenceItem.pk(f.org), NumberSequenceItem.sk("INV", 2026)).orElseThrow();
        assertThat(invoices.getOrganisationId()).isEqualTo(f.org);
        assertThat(invoices.getSeries()).isEqualTo("INV");
        assertThat(invoices.getYear()).isEqualTo(2026);
        assertThat(invoices.getLast()).isEqualTo(2L);
        assertThat(f.table.get(NumberSequenceItem.class, NumberSequenceItem.pk(f.org), NumberSequenceItem.sk("CN", 2026))).isEmpty();
        assertThat(InvoiceNumbers.format("CN", 2027, 1234567)).isEqualTo("CN-2027-1234567");
    }

    @Test
    void anIssuedInvoicesOpenMarkerNamesItsInvoiceOrganisationUnitAndDueDate() {
        InvoiceItem invoice = f.invoice();
        OpenInvoiceItem marker = f.table.get(OpenInvoiceItem.class, OpenInvoiceItem.pkFor(invoice.getId()),
                OpenInvoiceItem.sk("2026-03-31", invoice.getId())).orElseThrow();
        assertThat(marker.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(marker.getOrganisationId()).isEqualTo(f.org);
        assertThat(marker.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(marker.getDueDate()).isEqualTo("2026-03-31");
    }
}
