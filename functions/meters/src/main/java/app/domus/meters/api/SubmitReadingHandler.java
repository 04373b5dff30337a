package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.readings.ReadingRequests;
import app.domus.meters.readings.ReadingView;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
import java.util.Map;
/** {@code POST /meter-readings}: a reading by hand, with a photo of the register for OCR (flow 9). */
@AcceptsIdempotencyKey
public class SubmitReadingHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingService readings;
    private final IdempotencyStore idempotency;

    public SubmitReadingHandler() {
        MetersComponent wiring = MetersComponent.create();
        this.readings = wiring.readings();
        this.idempotency = wiring.idempotency();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    /** Lambda takes requests of up to 6 MB: a photo of up to 4 MB, base64-encoded (4/3 of that), and the rest of the JSON. */
    @Override
    protected int maxBodyBytes() {
        return 6_000_000;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var reading = readings.submit(request.caller(), request.json(ReadingRequests.SubmitReading.class));
        return HttpResponse.created(Map.of("readingId", reading.getId(), "status", reading.getStatus().toLowerCase(java.util.Locale.ROOT),
                "reading", ReadingView.of(reading))).etag(reading.getVersion()).location("/meter-readings/" + reading.getId());
    }
}
