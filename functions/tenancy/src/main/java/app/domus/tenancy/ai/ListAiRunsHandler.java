package app.domus.tenancy.ai;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code GET /ai/runs?organisationId=&task=&status=&limit=&cursor=}: the organisation's AI runs, newest first, for its admins. */
public class ListAiRunsHandler extends HttpHandler {
    private final AiAdministration ai;

    public ListAiRunsHandler() {
        this(TenancyComponent.create().ai());
    }

    public ListAiRunsHandler(AiAdministration ai) {
        this.ai = ai;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String organisationId = request.query("organisationId").orElseThrow(() -> ApiException.validation("organisationId", "is required"));
        return HttpResponse.ok(ai.runs(request.caller(), organisationId, request.query("task").orElse(null), request.query("status").orElse(null),
                request.limit(), request.query("cursor").orElse(null)));
    }
}
