package app.domus.listings.imports;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /imports/{importId}/run}: starts a run (202 {importRunId}); its progress is at the run's URL. */
@AcceptsIdempotencyKey
public class RunImportHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Imports imports;

    public RunImportHandler() {
        this(ListingsComponent.create());
    }

    private RunImportHandler(ListingsComponent wiring) {
        this(wiring.imports());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public RunImportHandler(Imports imports) {
        this.imports = imports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var run = imports.start(caller, request.pathParam("importId"));
        return HttpResponse.accepted(run).location("/imports/" + run.importId() + "/runs/" + run.importRunId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
