package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.readings.ReadingView;
/** {@code GET /meter-readings/{readingId}}: one reading, with its OCR result and flags. */
public class GetReadingHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingService readings = MetersComponent.create().readings();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var reading = readings.get(request.caller(), request.pathParam("readingId"));
        return HttpResponse.ok(ReadingView.of(reading)).etag(reading.getVersion() == null ? 0 : reading.getVersion());
    }
}
