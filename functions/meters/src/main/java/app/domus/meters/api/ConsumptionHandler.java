package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
/** {@code GET /meters/{meterId}/consumption?granularity=day|month&from=&to=}: use per day or month. */
public class ConsumptionHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingQueries queries = MetersComponent.create().queries();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String granularity = request.query("granularity").orElse("day");
        LocalDate to = request.query("to").map(v -> Params.date("to", v)).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        LocalDate from = request.query("from").map(v -> Params.date("from", v)).orElse("month".equals(granularity) ? to.minusMonths(11) : to.minusDays(29));
        return HttpResponse.ok(Map.of("meterId", request.pathParam("meterId"), "granularity", granularity,
                "periods", queries.consumption(request.caller(), request.pathParam("meterId"), granularity, from, to)));
    }
}
