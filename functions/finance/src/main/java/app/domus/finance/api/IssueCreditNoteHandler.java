package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;
import java.util.Map;

/** {@code POST /invoices/{invoiceId}/credit-note}: the manager cancels an issued invoice with a credit note. */
@AcceptsIdempotencyKey
public class IssueCreditNoteHandler extends HttpHandler {
    private final InvoiceService invoices;
    private final IdempotencyStore idempotency;

    public IssueCreditNoteHandler() {
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
        var note = invoices.cancel(request.caller(), request.pathParam("invoiceId"), request.json(InvoiceRequests.CancelInvoice.class));
        return HttpResponse.created(Map.of("creditNoteId", note.getId(), "number", note.getNumber(), "invoiceId", note.getInvoiceId(),
                        "invoiceNumber", note.getInvoiceNumber(), "currency", note.getCurrency(), "total", note.getTotal(),
                        "reason", note.getReason(), "issuedOn", note.getIssuedOn(), "invoiceStatus", "cancelled"))
                .location("/invoices/" + note.getInvoiceId());
    }
}
