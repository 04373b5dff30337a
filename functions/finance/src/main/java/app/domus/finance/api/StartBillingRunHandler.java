package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.runs.BillingRunRequests;
import app.domus.finance.runs.BillingRunService;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /buildings/{buildingId}/billing-runs}: a building's manager starts the run of a period; the job invoices. */
@AcceptsIdempotencyKey
public class StartBillingRunHandler extends HttpHandler {
    private final BillingRunService runs;
    private final IdempotencyStore idempotency;

    public StartBillingRunHandler() {
        FinanceComponent wiring = FinanceComponent.create();
        this.runs = wiring.runs();
        this.idempotency = wiring.idempotency();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var run = runs.start(request.caller(), Params.id("buildingId", request.pathParam("buildingId")),
                request.json(BillingRunRequests.StartRun.class));
        return HttpResponse.accepted(BillingRunView.of(run)).location("/billing-runs/" + run.getId());
    }
}
