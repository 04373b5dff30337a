package app.domus.privacy.export;

import app.domus.shared.http.HttpHandler;

/** The export handlers wired to a test's service (their constructors are package-private). */
public final class GetExportHandlerAccess {
    private GetExportHandlerAccess() {}

    public static HttpHandler handler(Exports exports) {
        return new GetExportHandler(exports);
    }
}
