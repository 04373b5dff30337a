package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.runs.BillingRunService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /billing-runs/{runId}}: the run's progress while it runs, its report once it has ended; its building's managers only. */
public class GetBillingRunHandler extends HttpHandler {
    private final BillingRunService runs = FinanceComponent.create().runs();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var run = runs.get(request.caller(), Params.id("runId", request.pathParam("runId")));
        return HttpResponse.ok(BillingRunView.of(run)).etag(run.getVersion());
    }
}
