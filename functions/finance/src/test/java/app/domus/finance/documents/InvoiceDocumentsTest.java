package app.domus.finance.documents;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDFs drawn from the events, read back with PDFBox, and who is e-mailed after them. */
class InvoiceDocumentsTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceDocumentsHandler handler = new InvoiceDocumentsHandler(f.idempotency, f.documents);

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theInvoicesPdfIsStoredThenItsOwnersAndFinanceDelegatesAreEmailedOnceEach() throws Exception {
        InvoiceItem invoice = f.invoice();
        var event = f.events.ofType(FinanceEvents.INVOICE_GENERATED).getFirst();
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();

        String key = "invoices/" + f.org + "/" + invoice.getId() + ".pdf";
        assertThat(f.pdfs).containsKey(key);
        assertThat(f.invoices.load(invoice.getId()).orElseThrow().getPdfKey()).isEqualTo(key);
        String text = text(f.pdfs.get(key));
        assertThat(text).contains("Invoice INV-2026-000001", "due on 2026-03-31", "Unit 1A, Tower A", "Monthly advance",
                "Lift maintenance", "Net total 250.00 EUR", "VAT total 45.00 EUR", "Total 295.00 EUR");

        List<NotificationRequest> mails = f.notifications.ofTemplate("invoice-issued");
        assertThat(mails).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.owner, f.financeDelegate);
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.category()).isEqualTo(Category.FINANCE);
            assertThat(m.data()).containsEntry("number", "INV-2026-000001").containsEntry("total", "295.00 EUR").containsEntry("dueDate", "2026-03-31");
        });
        // The same event again (a redelivery past the consumer's own deduplication) sends the same notification ids.
        f.documents.invoiceIssued(invoice.getId());
        assertThat(f.notifications.ofTemplate("invoice-issued")).extracting(NotificationRequest::id).containsOnly(mails.stream().map(NotificationRequest::id).toArray(String[]::new));
    }

    @Test
    void aCreditNoteHasItsOwnPdfAndItsOwnEmail() throws Exception {
        InvoiceItem invoice = f.invoice();
        var note = f.invoices.cancel(caller(f.manager), invoice.getId(), new InvoiceRequests.CancelInvoice("Issued twice by mistake"));
        var events = new java.util.ArrayList<>(f.events.ofType(FinanceEvents.INVOICE_GENERATED));
        events.addAll(f.events.ofType(FinanceEvents.CREDIT_NOTE_ISSUED));
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(events.toArray(new app.domus.shared.events.DomainEvent[0])), new TestContext()))).isEmpty();
        String key = "invoices/" + f.org + "/" + note.getId() + ".pdf";
        assertThat(text(f.pdfs.get(key))).contains("Credit note CN-2026-000001", "cancelling invoice INV-2026-000001", "Total credited 295.00 EUR",
                "Reason: Issued twice by mistake");
        assertThat(f.invoices.creditNote(invoice.getId()).orElseThrow().getPdfKey()).isEqualTo(key);
        assertThat(f.notifications.ofTemplate("credit-note-issued")).extracting(NotificationRequest::userId)
                .containsExactlyInAnyOrder(f.owner, f.financeDelegate);
    }

    @Test
    void textTheStandardFontCannotShowIsPrintedAsAQuestionMark() throws Exception {
        InvoiceItem invoice = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(FinanceFixture.item("Ogrzewanie łazienki – Zürich €", "1", 100, "0")), "2026-03-31", null));
        String text = text(new InvoicePdf().invoice(invoice));
        assertThat(text).contains("Ogrzewanie ?azienki – Zürich €");
    }
}
