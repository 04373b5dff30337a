package app.domus.notifications.delivery;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One message sent on one channel: pk {@code USER#<userId>} (or {@code EMAIL#<address>} for someone
 * without an account), sk {@code DELIVERY#<sentAt>#<deliveryId>}; kept 90 days. {@code target} names where
 * it went without repeating a phone number: the address, the device id, or the phone's last digits.
 */
public class DeliveryItem extends TableItem {
    public static final String SK_PREFIX = "DELIVERY#";
    public static final String SENT = "SENT";
    /** The device's endpoint is disabled (the app was removed, or its token expired). */
    public static final String ENDPOINT_DISABLED = "ENDPOINT_DISABLED";

    private String deliveryId;
    private String requestId;
    private String channel;
    private String target;
    private String category;
    private String template;
    private String status;
    private String providerMessageId;
    private String sentAt;

    public String getDeliveryId() { return deliveryId; }
    public void setDeliveryId(String deliveryId) { this.deliveryId = deliveryId; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getProviderMessageId() { return providerMessageId; }
    public void setProviderMessageId(String providerMessageId) { this.providerMessageId = providerMessageId; }
    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DeliveryItem> SCHEMA = ItemSchema.item(DeliveryItem.class, DeliveryItem::new)
            .text("deliveryId", DeliveryItem::getDeliveryId, DeliveryItem::setDeliveryId)
            .text("requestId", DeliveryItem::getRequestId, DeliveryItem::setRequestId)
            .text("channel", DeliveryItem::getChannel, DeliveryItem::setChannel)
            .text("target", DeliveryItem::getTarget, DeliveryItem::setTarget)
            .text("category", DeliveryItem::getCategory, DeliveryItem::setCategory)
            .text("template", DeliveryItem::getTemplate, DeliveryItem::setTemplate)
            .text("status", DeliveryItem::getStatus, DeliveryItem::setStatus)
            .text("providerMessageId", DeliveryItem::getProviderMessageId, DeliveryItem::setProviderMessageId)
            .text("sentAt", DeliveryItem::getSentAt, DeliveryItem::setSentAt)
            .build();
}
