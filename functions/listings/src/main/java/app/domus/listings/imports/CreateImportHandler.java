package app.domus.listings.imports;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /imports {crmType, endpoint, credentials, fieldMapping, publish}}: an agency admin sets up a CRM import (201). */
@AcceptsIdempotencyKey
public class CreateImportHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Imports imports;

    public CreateImportHandler() {
        this(ListingsComponent.create());
    }

    private CreateImportHandler(ListingsComponent wiring) {
        this(wiring.imports());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateImportHandler(Imports imports) {
        this.imports = imports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var created = imports.create(caller, request.json(ImportRequests.CreateImport.class));
        return HttpResponse.created(created).location("/imports/" + created.importId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
