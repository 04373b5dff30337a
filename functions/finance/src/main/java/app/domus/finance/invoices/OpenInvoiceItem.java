package app.domus.finance.invoices;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An invoice still owed, by due date: pk {@code OPEN_INVOICES#<shard>}, sk {@code <dueDate>#<invoiceId>}. Put in the
 * transaction that issues the invoice, deleted in the one that settles it (paid in full) or cancels it (credit note), put
 * back by a refund that leaves it owed again. The reminder job reads the 16 shards up to yesterday, so finding what is
 * overdue reads only what is open, never every invoice. The shard is a hash of the invoice id, so a billing run's
 * invoices, which share a due date, spread over the partitions.
 */
public class OpenInvoiceItem extends TableItem {
    public static final int SHARDS = 16;

    private String invoiceId;
    private String organisationId;
    private String unitId;
    private String dueDate;

    public static String pk(int shard) { return "OPEN_INVOICES#" + shard; }
    public static String pkFor(String invoiceId) { return pk(Math.floorMod(invoiceId.hashCode(), SHARDS)); }
    public static String sk(String dueDate, String invoiceId) { return dueDate + "#" + invoiceId; }

    /** The marker of an issued invoice. */
    public static OpenInvoiceItem of(InvoiceItem invoice) {
        OpenInvoiceItem item = new OpenInvoiceItem();
        item.setPk(pkFor(invoice.getId()));
        item.setSk(sk(invoice.getDueDate(), invoice.getId()));
        item.setInvoiceId(invoice.getId());
        item.setOrganisationId(invoice.getOrganisationId());
        item.setUnitId(invoice.getUnitId());
        item.setDueDate(invoice.getDueDate());
        return item;
    }

    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OpenInvoiceItem> SCHEMA = ItemSchema.item(OpenInvoiceItem.class, OpenInvoiceItem::new)
            .text("invoiceId", OpenInvoiceItem::getInvoiceId, OpenInvoiceItem::setInvoiceId)
            .text("organisationId", OpenInvoiceItem::getOrganisationId, OpenInvoiceItem::setOrganisationId)
            .text("unitId", OpenInvoiceItem::getUnitId, OpenInvoiceItem::setUnitId)
            .text("dueDate", OpenInvoiceItem::getDueDate, OpenInvoiceItem::setDueDate)
            .build();
}
