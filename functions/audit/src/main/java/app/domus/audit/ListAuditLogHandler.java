package app.domus.audit;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /organisations/{organisationId}/audit-log?action=&actor=&from=&to=&limit=&cursor=}: the organisation's
 * audit entries, newest first, for its org admins only.
 */
public class ListAuditLogHandler extends HttpHandler {
    private final AccessService access;
    private final AuditLog log;

    public ListAuditLogHandler() {
        AuditComponent wiring = AuditComponent.create();
        this.access = wiring.access();
        this.log = wiring.log();
    }

    ListAuditLogHandler(AccessService access, AuditLog log) {
        this.access = access;
        this.log = log;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        String action = request.query("action").orElse(null);
        if (action != null && !AuditActions.actions().contains(action)) {
            throw ApiException.validation("action", "must be one of " + String.join(", ", AuditActions.actions()));
        }
        String actor = request.query("actor").orElse(null);
        if (actor != null && !actor.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.validation("actor", "must be a user id");
        String from = time(request, "from");
        String to = time(request, "to");
        var org = access.organisation(caller, request.pathParam("organisationId"), Action.MANAGE);
        return HttpResponse.ok(log.list(org.getId(), new AuditLog.Filter(action, actor, from, to), limit,
                request.query("cursor").orElse(null)).map(AuditEntryView::of));
    }

    private static String time(HttpRequest request, String name) {
        return request.query(name).map(value -> {
            try {
                return AuditActions.TIME.format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                throw ApiException.validation(name, "must be an ISO-8601 instant, such as 2026-12-01T00:00:00Z");
            }
        }).orElse(null);
    }
}
