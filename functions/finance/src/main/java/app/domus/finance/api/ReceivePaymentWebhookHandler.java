package app.domus.finance.api;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.finance.payments.PaymentWebhooks;
import app.domus.finance.payments.PaymentsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /webhooks/payments}, called by Stripe, not by a signed-in user (no JWT authorizer on the route): the
 * signature is the authentication. Verified and queued, then answered at once ({@link PaymentWebhooks}).
 */
@RateLimited(EndpointClass.WEBHOOKS)
public class ReceivePaymentWebhookHandler extends HttpHandler {
    private final PaymentWebhooks webhooks;

    public ReceivePaymentWebhookHandler() {
        this.webhooks = PaymentsComponent.create().webhooks();
    }

    @Override
    public void prime() {
        super.prime();
        PaymentWebhooks.prime();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        // The signature covers the exact bytes Stripe sent: the body is used as it came, never re-serialised.
        String payload = new String(request.rawBody(), StandardCharsets.UTF_8);
        var received = webhooks.receive(payload, request.header("stripe-signature").orElse(null));
        return HttpResponse.ok(Map.of("received", true, "eventId", received.eventId()));
    }
}
