package app.domus.tenancy.ai;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import app.domus.tenancy.TenancyComponent;

/** {@code PUT /ai/agents/{task} {organisationId, enabled}}: an organisation's admin switches a task's agent on or off. */
public class SwitchAiAgentHandler extends HttpHandler {
    record Body(String organisationId, Boolean enabled) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("organisationId", organisationId, true);
            v.required("enabled", enabled);
        }
    }

    private final AiAdministration ai;

    public SwitchAiAgentHandler() {
        this(TenancyComponent.create().ai());
    }

    public SwitchAiAgentHandler(AiAdministration ai) {
        this.ai = ai;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Body body = request.json(Body.class);
        return HttpResponse.ok(ai.switchAgent(request.caller(), body.organisationId(), request.pathParam("task"), body.enabled()));
    }
}
