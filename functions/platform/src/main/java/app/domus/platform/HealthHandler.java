package app.domus.platform;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /health}: liveness. Answers without touching any dependency. */
@RateLimited(EndpointClass.UNLIMITED)
public class HealthHandler extends HttpHandler {
    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("status", "UP"));
    }
}
