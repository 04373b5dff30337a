package app.domus.finance.api;

import app.domus.finance.invoices.CreditNoteItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceLine;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** An invoice as the API shows it: amounts in minor units of {@code currency}; links only where the PDF exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(String invoiceId, String number, String status, String organisationId, String buildingId, String unitId,
                          String unitNumber, String currency, long netTotal, long vatTotal, long total, long paid, long outstanding, String issuedOn, String dueDate,
                          List<Line> items, String pdfUrl, CreditNote creditNote, String createdAt) {
    public record Line(String description, BigDecimal quantity, long unitPrice, BigDecimal vatRate, long net, long vat, long gross) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditNote(String creditNoteId, String number, long total, String reason, String issuedOn, String pdfUrl) {}

    public static InvoiceView summary(InvoiceItem invoice) {
        return of(invoice, null, null, null, false);
    }

    public static InvoiceView of(InvoiceItem invoice, CreditNoteItem note, String pdfUrl, String creditNotePdfUrl, boolean withLines) {
        List<Line> lines = !withLines || invoice.getLines() == null ? null : invoice.getLines().stream().map(InvoiceView::line).toList();
        CreditNote credit = note == null ? null
                : new CreditNote(note.getId(), note.getNumber(), note.getTotal(), note.getReason(), note.getIssuedOn(), creditNotePdfUrl);
        return new InvoiceView(invoice.getId(), invoice.getNumber(), invoice.getStatus().toLowerCase(Locale.ROOT), invoice.getOrganisationId(),
                invoice.getBuildingId(), invoice.getUnitId(), invoice.getUnitNumber(), invoice.getCurrency(), invoice.getNetTotal(),
                invoice.getVatTotal(), invoice.getTotal(), invoice.paid(),
                InvoiceItem.CANCELLED.equals(invoice.getStatus()) ? 0 : invoice.outstanding(), invoice.getIssuedOn(), invoice.getDueDate(), lines, pdfUrl, credit, invoice.getCreatedAt());
    }

    private static Line line(InvoiceLine l) {
        return new Line(l.getDescription(), new BigDecimal(l.getQuantity()), l.getUnitPrice(), new BigDecimal(l.getVatRate()), l.getNet(),
                l.getVat(), l.getGross());
    }
}
