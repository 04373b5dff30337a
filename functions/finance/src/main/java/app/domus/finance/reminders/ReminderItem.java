package app.domus.finance.reminders;

import app.domus.finance.invoices.InvoiceItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One payment reminder of an invoice, as it was sent: pk {@code INVOICE#<invoiceId>}, sk {@code REMINDER#<number, 3 digits>}
 * (the invoice's reminders in order); the day, how many days overdue, what was still owed (minor units of
 * {@code currency}), and whether it was the one that tells the managers; its {@code PaymentOverdue} event names the invoice and the number. Kept.
 */
public class ReminderItem extends TableItem {
    private String invoiceId;
    private Integer reminderNumber;
    private String sentOn;
    private Integer daysOverdue;
    private Long outstanding;
    private String currency;
    private Boolean escalated;

    public static String pk(String invoiceId) { return InvoiceItem.pk(invoiceId); }
    public static String sk(int reminderNumber) { return String.format(Locale.ROOT, "REMINDER#%03d", reminderNumber); }
    public static final String SK_PREFIX = "REMINDER#";

    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public Integer getReminderNumber() { return reminderNumber; }
    public void setReminderNumber(Integer reminderNumber) { this.reminderNumber = reminderNumber; }
    public String getSentOn() { return sentOn; }
    public void setSentOn(String sentOn) { this.sentOn = sentOn; }
    public Integer getDaysOverdue() { return daysOverdue; }
    public void setDaysOverdue(Integer daysOverdue) { this.daysOverdue = daysOverdue; }
    public Long getOutstanding() { return outstanding; }
    public void setOutstanding(Long outstanding) { this.outstanding = outstanding; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Boolean getEscalated() { return escalated; }
    public void setEscalated(Boolean escalated) { this.escalated = escalated; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReminderItem> SCHEMA = ItemSchema.item(ReminderItem.class, ReminderItem::new)
            .text("invoiceId", ReminderItem::getInvoiceId, ReminderItem::setInvoiceId)
            .attribute(Integer.class, "reminderNumber", ReminderItem::getReminderNumber, ReminderItem::setReminderNumber)
            .text("sentOn", ReminderItem::getSentOn, ReminderItem::setSentOn)
            .attribute(Integer.class, "daysOverdue", ReminderItem::getDaysOverdue, ReminderItem::setDaysOverdue)
            .attribute(Long.class, "outstanding", ReminderItem::getOutstanding, ReminderItem::setOutstanding)
            .text("currency", ReminderItem::getCurrency, ReminderItem::setCurrency)
            .attribute(Boolean.class, "escalated", ReminderItem::getEscalated, ReminderItem::setEscalated)
            .build();
}
