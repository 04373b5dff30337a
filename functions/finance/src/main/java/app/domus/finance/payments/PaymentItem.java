package app.domus.finance.payments;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One payment through the gateway, a Stripe PaymentIntent: pk {@code PAYMENT#<paymentIntentId>}, sk {@code PAYMENT};
 * gsi1 {@code INVOICE#<invoiceId>#PAYMENTS} / {@code <createdAt>} (an invoice's payments); gsi2
 * {@code PAYMENTS_SETTLED#<day>} / {@code <paymentIntentId>} once money was received (the day's payments, for the
 * reconciliation).
 *
 * <p>It keeps two things apart: what the gateway said ({@code received}, {@code refunded}: the largest amounts its events
 * reported, since Stripe's amounts are cumulative), and what was posted to the ledger and the invoice
 * ({@code postedReceived}, {@code postedRefunded}). Applying an event raises the first and posts the difference, so events
 * can come twice or in any order and the books still end where the gateway is. A refund seen before the payment's success
 * is kept and posted with it.
 */
public class PaymentItem extends TableItem {
    public static final String SK = "PAYMENT";
    /** Created, not yet confirmed by the payer's card. */
    public static final String PENDING = "PENDING";
    public static final String SUCCEEDED = "SUCCEEDED";
    /** The last attempt was declined; the payer may try again with another card. */
    public static final String FAILED = "FAILED";

    private String id;
    private String invoiceId;
    private String invoiceNumber;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String currency;
    private Long amount;
    private String status;
    private Long received;
    private Long refunded;
    private Long postedReceived;
    private Long postedRefunded;
    private String chargeId;
    private String lastError;
    private String createdBy;
    private String createdAt;
    private String settledOn;
    private String updatedAt;

    public static String pk(String paymentIntentId) { return "PAYMENT#" + paymentIntentId; }
    public static String byInvoice(String invoiceId) { return "INVOICE#" + invoiceId + "#PAYMENTS"; }
    public static String settledOn(String day) { return "PAYMENTS_SETTLED#" + day; }

    public long receivedOrZero() { return received == null ? 0 : received; }
    public long refundedOrZero() { return refunded == null ? 0 : refunded; }
    public long postedReceivedOrZero() { return postedReceived == null ? 0 : postedReceived; }
    public long postedRefundedOrZero() { return postedRefunded == null ? 0 : postedRefunded; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public void setInvoiceNumber(String invoiceNumber) { this.invoiceNumber = invoiceNumber; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getReceived() { return received; }
    public void setReceived(Long received) { this.received = received; }
    public Long getRefunded() { return refunded; }
    public void setRefunded(Long refunded) { this.refunded = refunded; }
    public Long getPostedReceived() { return postedReceived; }
    public void setPostedReceived(Long postedReceived) { this.postedReceived = postedReceived; }
    public Long getPostedRefunded() { return postedRefunded; }
    public void setPostedRefunded(Long postedRefunded) { this.postedRefunded = postedRefunded; }
    public String getChargeId() { return chargeId; }
    public void setChargeId(String chargeId) { this.chargeId = chargeId; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getSettledOn() { return settledOn; }
    public void setSettledOn(String settledOn) { this.settledOn = settledOn; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<PaymentItem> SCHEMA = ItemSchema.item(PaymentItem.class, PaymentItem::new)
            .text("id", PaymentItem::getId, PaymentItem::setId)
            .text("invoiceId", PaymentItem::getInvoiceId, PaymentItem::setInvoiceId)
            .text("invoiceNumber", PaymentItem::getInvoiceNumber, PaymentItem::setInvoiceNumber)
            .text("organisationId", PaymentItem::getOrganisationId, PaymentItem::setOrganisationId)
            .text("buildingId", PaymentItem::getBuildingId, PaymentItem::setBuildingId)
            .text("unitId", PaymentItem::getUnitId, PaymentItem::setUnitId)
            .text("currency", PaymentItem::getCurrency, PaymentItem::setCurrency)
            .attribute(Long.class, "amount", PaymentItem::getAmount, PaymentItem::setAmount)
            .text("status", PaymentItem::getStatus, PaymentItem::setStatus)
            .attribute(Long.class, "received", PaymentItem::getReceived, PaymentItem::setReceived)
            .attribute(Long.class, "refunded", PaymentItem::getRefunded, PaymentItem::setRefunded)
            .attribute(Long.class, "postedReceived", PaymentItem::getPostedReceived, PaymentItem::setPostedReceived)
            .attribute(Long.class, "postedRefunded", PaymentItem::getPostedRefunded, PaymentItem::setPostedRefunded)
            .text("chargeId", PaymentItem::getChargeId, PaymentItem::setChargeId)
            .text("lastError", PaymentItem::getLastError, PaymentItem::setLastError)
            .text("createdBy", PaymentItem::getCreatedBy, PaymentItem::setCreatedBy)
            .text("createdAt", PaymentItem::getCreatedAt, PaymentItem::setCreatedAt)
            .text("settledOn", PaymentItem::getSettledOn, PaymentItem::setSettledOn)
            .text("updatedAt", PaymentItem::getUpdatedAt, PaymentItem::setUpdatedAt)
            .build();
}
