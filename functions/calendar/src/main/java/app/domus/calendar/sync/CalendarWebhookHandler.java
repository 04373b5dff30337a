package app.domus.calendar.sync;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /webhooks/calendar/{provider}?connection=}: a provider's change notification, public and checked by the
 * channel's token ({@link CalendarNotifications}); the connection's pull is queued. Google's watch channel sends its
 * {@code X-Goog-*} headers (204); Microsoft Graph first checks the address with a {@code validationToken}, answered in
 * plain text, then sends {@code {"value": [{subscriptionId, clientState, changeType, ...}]}} (202), where an item
 * whose subscription or client state is not the connection's is passed over, as Graph advises.
 */
@RateLimited(EndpointClass.WEBHOOKS)
public class CalendarWebhookHandler extends HttpHandler {
    private final CalendarNotifications notifications;

    public CalendarWebhookHandler() {
        this(CalendarComponent.create().notifications());
    }

    public CalendarWebhookHandler(CalendarNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String provider = request.pathParam("provider");
        String connection = request.query("connection").orElse(null);
        if (!"outlook".equals(provider)) {
            notifications.notified(provider, connection, request.header("X-Goog-Channel-ID").orElse(null),
                    request.header("X-Goog-Channel-Token").orElse(null), request.header("X-Goog-Resource-State").orElse(null));
            return HttpResponse.noContent();
        }
        var validation = request.query("validationToken");
        if (validation.isPresent()) {
            if (validation.get().length() > 1024 || !validation.get().matches("[\\x20-\\x7e]+")) throw ApiException.validation("validationToken", "is not a validation token");
            return HttpResponse.ok(validation.get()).header("Content-Type", "text/plain; charset=utf-8");
        }
        JsonNode body = Json.readOrNull(new String(request.rawBody(), StandardCharsets.UTF_8));
        if (body == null || !body.path("value").isArray()) throw ApiException.validation("value", "is not a change notification");
        int accepted = 0;
        for (JsonNode item : body.path("value")) {
            try {
                if (notifications.notified(provider, connection, item.path("subscriptionId").asText(null), item.path("clientState").asText(null),
                        item.path("changeType").asText(null))) {
                    accepted++;
                }
            } catch (ApiException e) {
                // Not this connection's subscription, or a forged client state: passed over.
            }
        }
        if (accepted == 0) throw ApiException.notFound("The subscription");
        return HttpResponse.accepted(null);
    }
}
