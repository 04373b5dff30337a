package app.domus.finance.api;

import app.domus.finance.FinanceComponent;
import app.domus.finance.consumption.Tariff;
import app.domus.finance.consumption.Tariffs;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** {@code PUT /buildings/{buildingId}/tariffs}: a building's manager sets the prices of metered use per meter type. */
public class PutTariffsHandler extends HttpHandler {
    private final Tariffs tariffs = FinanceComponent.create().tariffs();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var item = tariffs.set(request.caller(), Params.id("buildingId", request.pathParam("buildingId")), request.json(Tariffs.SetTariffs.class));
        Map<String, Map<String, Object>> body = new TreeMap<>();
        for (Tariff t : item.getTariffs()) body.put(t.getMeterType(), Map.of("unitPrice", t.getUnitPrice(), "vatRate", new BigDecimal(t.getVatRate())));
        return HttpResponse.ok(body).etag(item.getVersion());
    }
}
