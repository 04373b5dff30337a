package app.domus.faults.uploads;

import app.domus.faults.DaggerFaultsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /uploads}: any signed-in person gets a presigned URL to send one photo to; it becomes a fault's
 * photo only when that person reports a fault they may report, naming the upload.
 */
public class CreateUploadHandler extends HttpHandler {
    private final UploadService uploads;

    public CreateUploadHandler() {
        this(DaggerFaultsComponent.create().uploads());
    }

    CreateUploadHandler(UploadService uploads) {
        this.uploads = uploads;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateUploadRequest.class);
        return HttpResponse.created(uploads.create(caller.userId(), body));
    }
}
