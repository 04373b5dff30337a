package app.domus.finance.payments;

import app.domus.finance.invoices.InvoiceItem;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.regex.Pattern;

/** The body of {@code POST /payments}, and what a PaymentIntent carries back to us in its metadata. */
public final class PaymentRequests {
    /** Metadata keys we set on each PaymentIntent: its events name the invoice and the payer even if our own write was lost. */
    public static final String INVOICE_ID = "invoiceId";
    public static final String PAYER_ID = "payerId";
    public static final String UNIT_ID = "unitId";
    public static final String ORGANISATION_ID = "organisationId";

    /** A Stripe PaymentMethod id ({@code pm_…}), as Stripe.js or a saved card gives it. */
    static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");

    private PaymentRequests() {}

    public record StartPayment(String invoiceId, String paymentMethod) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("invoiceId", invoiceId, true);
            v.matches("paymentMethod", paymentMethod, PAYMENT_METHOD, "must be a payment method id such as pm_card_visa", true);
        }
    }

    /** Copies what the payment is for from its invoice. */
    static void describe(PaymentItem payment, InvoiceItem invoice) {
        payment.setInvoiceId(invoice.getId());
        payment.setInvoiceNumber(invoice.getNumber());
        payment.setOrganisationId(invoice.getOrganisationId());
        payment.setBuildingId(invoice.getBuildingId());
        payment.setUnitId(invoice.getUnitId());
        payment.setCurrency(invoice.getCurrency());
        payment.setGsi1pk(PaymentItem.byInvoice(invoice.getId()));
    }
}
