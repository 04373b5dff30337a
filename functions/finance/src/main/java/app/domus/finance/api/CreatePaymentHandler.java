package app.domus.finance.api;

import app.domus.finance.payments.PaymentGateway;
import app.domus.finance.payments.PaymentRequests;
import app.domus.finance.payments.PaymentService;
import app.domus.finance.payments.PaymentsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /payments}: an owner (or a delegate with {@code pay}) starts paying an invoice; the answer's
 * {@code clientSecret} confirms it on the device. The {@code Idempotency-Key} is required: the same key answers the
 * first answer, and reaches Stripe as its own idempotency key.
 */
@AcceptsIdempotencyKey
public class CreatePaymentHandler extends HttpHandler {
    private final PaymentService payments;
    private final IdempotencyStore idempotency;
    private final PaymentGateway gateway;

    public CreatePaymentHandler() {
        PaymentsComponent wiring = PaymentsComponent.create();
        this.payments = wiring.payments();
        this.idempotency = wiring.idempotency();
        this.gateway = wiring.gateway();
    }

    @Override
    public void prime() {
        super.prime();
        gateway.prime();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        // Required here, unlike on other creating POSTs: a payment retried without one could be charged twice.
        String key = request.header("idempotency-key")
                .orElseThrow(() -> ApiException.validation("Idempotency-Key", "is required: a header with a fresh unique value per payment"));
        var started = payments.start(request.caller(), request.json(PaymentRequests.StartPayment.class), key);
        var payment = started.payment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentId", payment.getId());
        body.put("invoiceId", payment.getInvoiceId());
        body.put("amount", payment.getAmount());
        body.put("currency", payment.getCurrency());
        body.put("status", payment.getStatus().toLowerCase(Locale.ROOT));
        body.put("clientSecret", started.clientSecret());
        return HttpResponse.created(body).location("/invoices/" + payment.getInvoiceId());
    }
}
