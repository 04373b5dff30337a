package app.domus.finance.payments;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A gateway event that was applied: pk {@code GATEWAY_EVENT#<eventId>}, sk {@code APPLIED}, put (only where none exists)
 * in the transaction that applies it, so a redelivered event is recognised and changes nothing. Kept 90 days (TTL): Stripe
 * retries an undelivered event for up to three days and a manual resend comes within its 30 days of events.
 */
public class GatewayEventItem extends TableItem {
    public static final String SK = "APPLIED";
    public static final long KEPT_DAYS = 90;

    private String eventId;
    private String type;
    private String paymentIntentId;
    private String gatewayCreatedAt;
    private String appliedAt;

    public static String pk(String eventId) { return "GATEWAY_EVENT#" + eventId; }

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPaymentIntentId() { return paymentIntentId; }
    public void setPaymentIntentId(String paymentIntentId) { this.paymentIntentId = paymentIntentId; }
    public String getGatewayCreatedAt() { return gatewayCreatedAt; }
    public void setGatewayCreatedAt(String gatewayCreatedAt) { this.gatewayCreatedAt = gatewayCreatedAt; }
    public String getAppliedAt() { return appliedAt; }
    public void setAppliedAt(String appliedAt) { this.appliedAt = appliedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<GatewayEventItem> SCHEMA = ItemSchema.item(GatewayEventItem.class, GatewayEventItem::new)
            .text("eventId", GatewayEventItem::getEventId, GatewayEventItem::setEventId)
            .text("type", GatewayEventItem::getType, GatewayEventItem::setType)
            .text("paymentIntentId", GatewayEventItem::getPaymentIntentId, GatewayEventItem::setPaymentIntentId)
            .text("gatewayCreatedAt", GatewayEventItem::getGatewayCreatedAt, GatewayEventItem::setGatewayCreatedAt)
            .text("appliedAt", GatewayEventItem::getAppliedAt, GatewayEventItem::setAppliedAt)
            .build();
}
