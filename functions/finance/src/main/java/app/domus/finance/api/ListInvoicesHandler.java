package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.invoices.InvoiceQueries;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.validation.Validator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code GET /invoices?unitId=|buildingId=&status=&from=&to=}: invoices, newest first, paged. */
public class ListInvoicesHandler extends HttpHandler {
    private enum Status { ISSUED, PARTLY_PAID, PAID, CANCELLED }

    private final InvoiceQueries queries = FinanceComponent.create().queries();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Validator v = new Validator();
        Status status = v.oneOf("status", request.query("status").orElse(null), Status.class, false);
        v.throwIfInvalid();
        var filter = new InvoiceQueries.Filter(Params.id("unitId", request.query("unitId").orElse(null)),
                Params.id("buildingId", request.query("buildingId").orElse(null)),
                status == null ? null : status.name().toUpperCase(Locale.ROOT),
                request.query("from").map(value -> Params.date("from", value)).orElse(null),
                request.query("to").map(value -> Params.date("to", value)).orElse(null));
        var page = queries.list(request.caller(), filter, request.limit(), request.query("cursor").orElse(null));
        Map<String, Object> body = new HashMap<>();
        body.put("items", page.items().stream().map(InvoiceView::summary).toList());
        if (page.nextCursor() != null) body.put("nextCursor", page.nextCursor());
        return HttpResponse.ok(body);
    }
}
