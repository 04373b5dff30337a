package app.domus.audit;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /organisations/{organisationId}/audit-log/verification}: walks the organisation's chain and answers
 * {@code {valid, entries, firstBrokenSequence}}; for its org admins only.
 */
public class VerifyAuditLogHandler extends HttpHandler {
    private final AccessService access;
    private final AuditLog log;

    public VerifyAuditLogHandler() {
        AuditComponent wiring = AuditComponent.create();
        this.access = wiring.access();
        this.log = wiring.log();
    }

    VerifyAuditLogHandler(AccessService access, AuditLog log) {
        this.access = access;
        this.log = log;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var org = access.organisation(request.caller(), request.pathParam("organisationId"), Action.MANAGE);
        return HttpResponse.ok(log.verify(org.getId()));
    }
}
