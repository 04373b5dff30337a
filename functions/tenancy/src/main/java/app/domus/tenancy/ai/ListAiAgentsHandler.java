package app.domus.tenancy.ai;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code GET /ai/agents?organisationId=}: each AI task's agent, on or off, for the organisation's admins. */
public class ListAiAgentsHandler extends HttpHandler {
    private final AiAdministration ai;

    public ListAiAgentsHandler() {
        this(TenancyComponent.create().ai());
    }

    public ListAiAgentsHandler(AiAdministration ai) {
        this.ai = ai;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String organisationId = request.query("organisationId").orElseThrow(() -> ApiException.validation("organisationId", "is required"));
        return HttpResponse.ok(ai.agents(request.caller(), organisationId));
    }
}
