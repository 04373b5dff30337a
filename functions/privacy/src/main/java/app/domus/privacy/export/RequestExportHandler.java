package app.domus.privacy.export;

import app.domus.privacy.PrivacyComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /me/export} → 202 with the export's id; the ZIP is built, stored and e-mailed asynchronously. */
@AcceptsIdempotencyKey
public class RequestExportHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Exports exports;

    public RequestExportHandler() {
        PrivacyComponent wiring = PrivacyComponent.create();
        this.idempotency = wiring.idempotency();
        this.exports = wiring.exports();
    }

    RequestExportHandler(Exports exports) {
        this.exports = exports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Exports.ExportView export = exports.request(request.caller());
        return HttpResponse.accepted(export).location("/me/exports/" + export.exportId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
