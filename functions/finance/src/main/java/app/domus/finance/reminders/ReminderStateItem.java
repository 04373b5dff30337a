package app.domus.finance.reminders;

import app.domus.finance.invoices.InvoiceItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Where an invoice's payment reminders stand: pk {@code INVOICE#<invoiceId>}, sk {@code REMINDERS}: how many were sent
 * and the day of the last. Put with the first reminder (it must not exist yet), then updated at the version read with each
 * next one, in the transaction that logs the reminder and writes its event: two runs on the same day cannot both start
 * from the same count, so one of them writes the reminder and the other, reading again, finds it sent.
 */
public class ReminderStateItem extends TableItem {
    public static final String SK = "REMINDERS";

    private String invoiceId;
    private Integer sent;
    private String lastSentOn;
    private String updatedAt;

    public static String pk(String invoiceId) { return InvoiceItem.pk(invoiceId); }

    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    /** Reminders sent so far; 0 before the first (no item). */
    public int sentSoFar() { return sent == null ? 0 : sent; }
    public Integer getSent() { return sent; }
    public void setSent(Integer sent) { this.sent = sent; }
    /** The UTC day (ISO date) the last reminder went out. */
    public String getLastSentOn() { return lastSentOn; }
    public void setLastSentOn(String lastSentOn) { this.lastSentOn = lastSentOn; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReminderStateItem> SCHEMA = ItemSchema.item(ReminderStateItem.class, ReminderStateItem::new)
            .text("invoiceId", ReminderStateItem::getInvoiceId, ReminderStateItem::setInvoiceId)
            .attribute(Integer.class, "sent", ReminderStateItem::getSent, ReminderStateItem::setSent)
            .text("lastSentOn", ReminderStateItem::getLastSentOn, ReminderStateItem::setLastSentOn)
            .text("updatedAt", ReminderStateItem::getUpdatedAt, ReminderStateItem::setUpdatedAt)
            .build();
}
