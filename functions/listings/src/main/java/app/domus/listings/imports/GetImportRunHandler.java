package app.domus.listings.imports;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /imports/{importId}/runs/{importRunId}}: a run's status, counts and failed items, while it runs and after. */
public class GetImportRunHandler extends HttpHandler {
    private final Imports imports;

    public GetImportRunHandler() {
        this(ListingsComponent.create().imports());
    }

    /** With its service given (tests). */
    public GetImportRunHandler(Imports imports) {
        this.imports = imports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.ok(imports.run(caller, request.pathParam("importId"), request.pathParam("importRunId")));
    }
}
