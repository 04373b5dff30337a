package app.domus.finance.payments;

import app.domus.finance.FinanceAccess;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceService;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Starting a payment: an owner of the invoice's unit, or a delegate holding {@code pay} for it, gets a PaymentIntent for
 * what is still owed, to confirm on the device with Stripe's SDK ({@code clientSecret}). The money reaches the books only
 * through the gateway's signed events ({@link PaymentSettlement}), never through this call.
 */
@Singleton
public class PaymentService {
    private final DomusTable table;
    private final FinanceAccess access;
    private final InvoiceService invoices;
    private final PaymentGateway gateway;
    private final Clock clock;

    @Inject
    public PaymentService(DomusTable table, FinanceAccess access, InvoiceService invoices, PaymentGateway gateway, Clock clock) {
        this.table = table;
        this.access = access;
        this.invoices = invoices;
        this.gateway = gateway;
        this.clock = clock;
    }

    public record Started(PaymentItem payment, String clientSecret) {}

    /**
     * @param idempotencyKey the request's {@code Idempotency-Key}, passed to the gateway as its own: a retry after a lost
     *                       answer gets the same PaymentIntent, never a second one. Scoped by the payer, as the kernel's
     *                       idempotency store scopes it.
     */
    public Started start(Caller caller, PaymentRequests.StartPayment request, String idempotencyKey) {
        InvoiceItem invoice = invoices.load(request.invoiceId()).orElseThrow(() -> ApiException.notFound("The invoice"));
        try {
            access.payUnit(caller, invoice.getUnitId());
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) throw ApiException.notFound("The invoice");
            throw e;
        }
        switch (invoice.getStatus()) {
            case InvoiceItem.PAID -> throw new ApiException(ProblemType.INVALID_STATE, "The invoice " + invoice.getNumber() + " is paid");
            case InvoiceItem.CANCELLED -> throw new ApiException(ProblemType.INVALID_STATE,
                    "The invoice " + invoice.getNumber() + " is cancelled by credit note " + invoice.getCreditNoteNumber());
            default -> { }
        }
        long amount = invoice.outstanding();
        PaymentGateway.Intent intent;
        try {
            intent = gateway.createIntent(amount, invoice.getCurrency(), request.paymentMethod(), "Invoice " + invoice.getNumber(),
                    Map.of(PaymentRequests.INVOICE_ID, invoice.getId(), PaymentRequests.PAYER_ID, caller.userId(),
                            PaymentRequests.UNIT_ID, invoice.getUnitId(), PaymentRequests.ORGANISATION_ID, invoice.getOrganisationId()),
                    "domus-payment-" + caller.userId() + "-" + idempotencyKey);
        } catch (PaymentGateway.Refused e) {
            throw ApiException.validation("paymentMethod", "was refused by the payment gateway (" + e.code() + ")");
        } catch (PaymentGateway.Unavailable e) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The payment gateway is not answering; try again in a minute");
        }
        PaymentItem payment = new PaymentItem();
        payment.setPk(PaymentItem.pk(intent.id()));
        payment.setSk(PaymentItem.SK);
        payment.setId(intent.id());
        PaymentRequests.describe(payment, invoice);
        payment.setAmount(intent.amount());
        payment.setStatus(PaymentItem.PENDING);
        payment.setCreatedBy(caller.userId());
        String now = clock.instant().toString();
        payment.setCreatedAt(now);
        payment.setGsi1sk(now);
        payment.setUpdatedAt(now);
        try {
            table.of(PaymentItem.class).putItem(PutItemEnhancedRequest.builder(PaymentItem.class).item(payment)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
        } catch (ConditionalCheckFailedException e) {
            // Its events came first and recorded it from the intent's metadata; that record stands.
        }
        return new Started(payment, intent.clientSecret());
    }
}
