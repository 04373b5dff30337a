package app.domus.finance.documents;

import app.domus.finance.Recipients;
import app.domus.finance.invoices.CreditNoteItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.money.Money;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * After an invoice or a credit note is issued: its PDF is drawn and stored, its key recorded on the document, and then
 * (only then) the unit's owners and {@code view_finances} delegates are told by e-mail, through the notifier, with the
 * number, total and due date. The e-mail carries no link: a presigned link signed with a function's role credentials
 * stops working when those credentials expire (hours, not days), so the message sends people to the app, where
 * {@code GET /invoices/{id}} gives a fresh link. Safe to run again: the same PDF replaces itself, and notification ids
 * derive from the document and the person, so the notifier sends each e-mail once.
 */
@Singleton
public class InvoiceDocuments {
    private final DomusTable table;
    private final InvoiceService invoices;
    private final InvoicePdf pdf;
    private final InvoiceFiles files;
    private final Recipients recipients;
    private final NotificationSender notifications;

    @Inject
    public InvoiceDocuments(DomusTable table, InvoiceService invoices, InvoiceFiles files, Recipients recipients, NotificationSender notifications) {
        this.table = table;
        this.invoices = invoices;
        this.pdf = new InvoicePdf();
        this.files = files;
        this.recipients = recipients;
        this.notifications = notifications;
    }

    public void invoiceIssued(String invoiceId) {
        InvoiceItem invoice = invoice(invoiceId);
        if (invoice.getPdfKey() == null) {
            String key = InvoiceFiles.key(invoice.getOrganisationId(), invoice.getId());
            files.store(key, pdf.invoice(invoice), invoice.getNumber() + ".pdf");
            recordInvoicePdf(invoiceId, key);
        }
        String place = place(invoice);
        for (String person : recipients.ofUnit(invoice.getBuildingId(), invoice.getUnitId())) {
            notifications.send(new NotificationRequest("invoice-" + invoice.getId() + "-" + person, person, null, Category.FINANCE,
                    "invoice-issued", Map.of("number", invoice.getNumber(), "place", place,
                    "total", Money.format(invoice.getTotal(), invoice.getCurrency()), "dueDate", invoice.getDueDate())));
        }
    }

    public void creditNoteIssued(String invoiceId) {
        InvoiceItem invoice = invoice(invoiceId);
        CreditNoteItem note = invoices.creditNote(invoiceId)
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoiceId + " has no credit note yet; the event will be retried"));
        if (note.getPdfKey() == null) {
            String key = InvoiceFiles.key(note.getOrganisationId(), note.getId());
            files.store(key, pdf.creditNote(note, invoice), note.getNumber() + ".pdf");
            note.setPdfKey(key);
            // The credit note changes nowhere else: an update at the version read cannot lose to another writer but itself.
            table.of(CreditNoteItem.class).updateItem(note);
        }
        String place = place(invoice);
        for (String person : recipients.ofUnit(invoice.getBuildingId(), invoice.getUnitId())) {
            notifications.send(new NotificationRequest("credit-note-" + note.getId() + "-" + person, person, null, Category.FINANCE,
                    "credit-note-issued", Map.of("number", note.getNumber(), "invoiceNumber", invoice.getNumber(), "place", place,
                    "total", Money.format(note.getTotal(), note.getCurrency()), "reason", note.getReason())));
        }
    }

    /** Records the key at the invoice's latest version: a credit note may cancel it meanwhile. */
    private void recordInvoicePdf(String invoiceId, String key) {
        for (int attempt = 1; ; attempt++) {
            InvoiceItem invoice = invoice(invoiceId);
            if (key.equals(invoice.getPdfKey())) return;
            invoice.setPdfKey(key);
            try {
                table.of(InvoiceItem.class).updateItem(invoice);
                return;
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= 5) throw e;
            }
        }
    }

    private InvoiceItem invoice(String invoiceId) {
        return invoices.load(invoiceId).orElseThrow(() -> new IllegalStateException("Invoice " + invoiceId + " is not stored"));
    }

    /** Where the invoice is for, as messages name it: {@code unit 1A of Tower A}. */
    public static String place(InvoiceItem invoice) {
        return "unit " + invoice.getUnitNumber() + (invoice.getBuildingName() == null || invoice.getBuildingName().isEmpty() ? "" : " of " + invoice.getBuildingName());
    }
}
