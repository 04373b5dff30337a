package app.domus.finance.documents;

import app.domus.finance.FinanceComponent;
import app.domus.finance.FinanceEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Duration;

/**
 * On {@code InvoiceGenerated} and {@code CreditNoteIssued}: the document's PDF, then the e-mails ({@link InvoiceDocuments}).
 * Here rather than in the request: drawing the first PDF of a fresh JVM loads PDFBox and its fonts (hundreds of
 * milliseconds), and the request would wait on S3 too; the invoice is already stored, charged and announced.
 */
public class InvoiceDocumentsHandler extends EventConsumer<InvoiceDocumentsHandler.Issued> {
    /** What both events carry that is needed here (a credit note's event has its id too). */
    public record Issued(String invoiceId, String creditNoteId) {}

    private final InvoiceDocuments documents;

    public InvoiceDocumentsHandler() {
        this(FinanceComponent.create());
    }

    private InvoiceDocumentsHandler(FinanceComponent wiring) {
        this(wiring.idempotency(), wiring.documents());
    }

    InvoiceDocumentsHandler(IdempotencyStore idempotency, InvoiceDocuments documents) {
        super(Issued.class, idempotency, FinanceEvents.INVOICE_GENERATED, FinanceEvents.CREDIT_NOTE_ISSUED);
        this.documents = documents;
    }

    @Override
    protected Duration inProgressWindow() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected void handle(Issued issued) {
        if (issued.creditNoteId() != null) documents.creditNoteIssued(issued.invoiceId());
        else documents.invoiceIssued(issued.invoiceId());
    }
}
