package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.readings.ReadingView;
import java.time.Instant;
/** {@code GET /meters/{meterId}/readings?from=&to=&limit=&cursor=}: a meter's readings, newest first. */
public class ListReadingsHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingQueries queries = MetersComponent.create().queries();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Instant from = request.query("from").map(v -> Params.instant("from", v)).orElse(null);
        Instant to = request.query("to").map(v -> Params.instant("to", v)).orElse(null);
        var page = queries.readings(request.caller(), request.pathParam("meterId"), from, to, request.limit(), request.query("cursor").orElse(null));
        return HttpResponse.ok(page.map(ReadingView::of));
    }
}
