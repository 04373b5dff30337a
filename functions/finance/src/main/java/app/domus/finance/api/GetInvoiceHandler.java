package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.documents.InvoiceFiles;
import app.domus.finance.invoices.InvoiceService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /invoices/{invoiceId}}: the invoice with its lines, its credit note if any, and short-lived PDF links once drawn. */
public class GetInvoiceHandler extends HttpHandler {
    private final InvoiceService invoices;
    private final InvoiceFiles files;

    public GetInvoiceHandler() {
        FinanceComponent wiring = FinanceComponent.create();
        this.invoices = wiring.invoices();
        this.files = wiring.files();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var invoice = invoices.get(request.caller(), request.pathParam("invoiceId"));
        var note = invoice.getCreditNoteId() == null ? null : invoices.creditNote(invoice.getId()).orElse(null);
        String pdf = invoice.getPdfKey() == null ? null : files.link(invoice.getPdfKey());
        String notePdf = note == null || note.getPdfKey() == null ? null : files.link(note.getPdfKey());
        return HttpResponse.ok(InvoiceView.of(invoice, note, pdf, notePdf, true)).etag(invoice.getVersion());
    }
}
