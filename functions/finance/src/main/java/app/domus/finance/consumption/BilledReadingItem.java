package app.domus.finance.consumption;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The reading up to which a meter's consumption was last billed: pk {@code BILLING_METER#<meterId>}, sk {@code BILLED}.
 * Put (the first time) or updated at the version read in the transaction of the invoice that billed it, so consumption
 * is billed exactly once; apart from {@link MeterReadingItem} so that new readings never race a billing run.
 */
public class BilledReadingItem extends TableItem {
    public static final String SK = "BILLED";

    private String meterId;
    private String readingId;
    private String value;
    private String readAt;
    private String runId;
    private String invoiceId;
    private String billedAt;

    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getReadingId() { return readingId; }
    public void setReadingId(String readingId) { this.readingId = readingId; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getReadAt() { return readAt; }
    public void setReadAt(String readAt) { this.readAt = readAt; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public String getBilledAt() { return billedAt; }
    public void setBilledAt(String billedAt) { this.billedAt = billedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BilledReadingItem> SCHEMA = ItemSchema.item(BilledReadingItem.class, BilledReadingItem::new)
            .text("meterId", BilledReadingItem::getMeterId, BilledReadingItem::setMeterId)
            .text("readingId", BilledReadingItem::getReadingId, BilledReadingItem::setReadingId)
            .text("value", BilledReadingItem::getValue, BilledReadingItem::setValue)
            .text("readAt", BilledReadingItem::getReadAt, BilledReadingItem::setReadAt)
            .text("runId", BilledReadingItem::getRunId, BilledReadingItem::setRunId)
            .text("invoiceId", BilledReadingItem::getInvoiceId, BilledReadingItem::setInvoiceId)
            .text("billedAt", BilledReadingItem::getBilledAt, BilledReadingItem::setBilledAt)
            .build();
}
