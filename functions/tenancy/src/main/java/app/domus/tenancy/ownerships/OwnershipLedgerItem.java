package app.domus.tenancy.ownerships;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The sum of all recorded shares of a building: pk {@code BUILDING#<buildingId>}, sk {@code OWNERSHIP_TOTAL}.
 * Every ownership write rewrites it in the same transaction under its version, so two owners recorded at
 * the same moment cannot both slip under the limit of one. (Summing the ownership index instead would read
 * an eventually consistent index and could miss the other write.)
 */
public class OwnershipLedgerItem extends TableItem {
    public static final String SK = "OWNERSHIP_TOTAL";

    private String total;

    public String getTotal() { return total; }
    public void setTotal(String total) { this.total = total; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OwnershipLedgerItem> SCHEMA = ItemSchema.item(OwnershipLedgerItem.class, OwnershipLedgerItem::new)
            .text("total", OwnershipLedgerItem::getTotal, OwnershipLedgerItem::setTotal)
            .build();
}
