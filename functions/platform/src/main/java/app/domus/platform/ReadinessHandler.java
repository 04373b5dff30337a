package app.domus.platform;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /health/ready}: 200 when DynamoDB, S3 and the events topic answer in time, 503 otherwise. */
@RateLimited(EndpointClass.UNLIMITED)
public class ReadinessHandler extends HttpHandler {
    private final ReadinessCheck readiness;

    public ReadinessHandler() {
        this(PlatformComponent.create().readiness());
    }

    ReadinessHandler(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ReadinessCheck.Report report = readiness.check();
        return HttpResponse.status(report.ready() ? 200 : 503,
                Map.of("status", report.ready() ? "UP" : "DOWN", "components", report.components()));
    }
}
