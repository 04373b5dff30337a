package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.readings.ReadingView;
/** {@code GET /buildings/{buildingId}/flagged-readings}: readings awaiting a manager's review, oldest first. */
public class ListFlaggedReadingsHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingQueries queries = MetersComponent.create().queries();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(queries.flagged(request.caller(), request.pathParam("buildingId"), request.limit(), request.query("cursor").orElse(null))
                .map(ReadingView::of));
    }
}
