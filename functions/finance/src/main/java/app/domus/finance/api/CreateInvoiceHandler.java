package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /invoices}: a building's manager invoices one of its units; the PDF and the e-mails follow. */
@AcceptsIdempotencyKey
public class CreateInvoiceHandler extends HttpHandler {
    private final InvoiceService invoices;
    private final IdempotencyStore idempotency;

    public CreateInvoiceHandler() {
        FinanceComponent wiring = FinanceComponent.create();
        this.invoices = wiring.invoices();
        this.idempotency = wiring.idempotency();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var invoice = invoices.create(request.caller(), request.json(InvoiceRequests.CreateInvoice.class));
        return HttpResponse.created(InvoiceView.of(invoice, null, null, null, true)).location("/invoices/" + invoice.getId());
    }
}
