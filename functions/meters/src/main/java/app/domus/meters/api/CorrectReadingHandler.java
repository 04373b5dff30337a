package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.readings.ReadingRequests;
import app.domus.meters.readings.ReadingView;
/** {@code PATCH /meter-readings/{readingId}}: a manager confirms or corrects a reading, saying why. */
public class CorrectReadingHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingService readings = MetersComponent.create().readings();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var reading = readings.correct(request.caller(), request.pathParam("readingId"), request.json(ReadingRequests.CorrectReading.class),
                request.ifMatchVersion());
        return HttpResponse.ok(ReadingView.of(reading)).etag(reading.getVersion());
    }
}
