package app.domus.faults.uploads;

import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.faults.FaultsComponent;

/**
 * {@code POST /uploads}: any signed-in person gets a presigned URL to send one photo to; it becomes a fault's
 * photo only when that person reports a fault they may report, naming the upload.
 */
@AcceptsIdempotencyKey
public class CreateUploadHandler extends HttpHandler {
    private IdempotencyStore idempotency;

    private final UploadService uploads;

    public CreateUploadHandler() {
        this(FaultsComponent.create());
    }

    private CreateUploadHandler(FaultsComponent wiring) {
        this(wiring.uploads());
        this.idempotency = wiring.idempotency();
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

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
