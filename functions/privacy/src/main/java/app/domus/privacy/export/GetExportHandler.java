package app.domus.privacy.export;

import app.domus.privacy.PrivacyComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /me/exports/{exportId}}: the caller's own export, with a fresh download link while it is kept; else 404. */
public class GetExportHandler extends HttpHandler {
    private final Exports exports;

    public GetExportHandler() {
        this(PrivacyComponent.create().exports());
    }

    GetExportHandler(Exports exports) {
        this.exports = exports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(exports.get(request.caller(), request.pathParam("exportId")));
    }
}
