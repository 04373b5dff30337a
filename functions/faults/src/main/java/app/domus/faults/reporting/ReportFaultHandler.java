package app.domus.faults.reporting;

import app.domus.faults.FaultAccess;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/**
 * {@code POST /faults}: the building's residents and managers, the organisation's admins, and delegates holding
 * the right to report faults for the unit named. Photos may ride inline, so the body may be as large as a Lambda
 * invocation allows.
 */
@AcceptsIdempotencyKey
public class ReportFaultHandler extends HttpHandler {
    private IdempotencyStore idempotency;

    /** Lambda's 6 MiB invocation payload, less room for the rest of the API Gateway event around the body. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024 - 32 * 1024;

    private final FaultAccess access;
    private final ReportingService reporting;

    public ReportFaultHandler() {
        FaultsComponent wiring = FaultsComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.faultAccess();
        this.reporting = wiring.reporting();
    }

    ReportFaultHandler(FaultAccess access, ReportingService reporting) {
        this.access = access;
        this.reporting = reporting;
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(ReportFaultRequest.class);
        var scope = access.mayReport(caller, body.buildingId(), body.unitId());
        FaultItem fault = reporting.report(caller.userId(), scope, body);
        return HttpResponse.created(Map.of("faultId", fault.getId())).location("/faults/" + fault.getId())
                .etag(fault.getVersion());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
