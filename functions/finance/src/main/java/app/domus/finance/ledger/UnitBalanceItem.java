package app.domus.finance.ledger;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A unit's account as of its last entry: pk {@code LEDGER#<unitId>}, sk {@code BALANCE}. Put with the first entry, then
 * updated at the version read with every entry, in the entry's transaction: two concurrent postings cannot both start
 * from the same balance, so the running balance never drifts. An account keeps one currency, set by its first entry.
 */
public class UnitBalanceItem extends TableItem {
    public static final String SK = "BALANCE";

    private String unitId;
    private String organisationId;
    private String currency;
    private Long balance;
    private Long entries;
    private String updatedAt;

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Long getBalance() { return balance; }
    public void setBalance(Long balance) { this.balance = balance; }
    public Long getEntries() { return entries; }
    public void setEntries(Long entries) { this.entries = entries; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UnitBalanceItem> SCHEMA = ItemSchema.item(UnitBalanceItem.class, UnitBalanceItem::new)
            .text("unitId", UnitBalanceItem::getUnitId, UnitBalanceItem::setUnitId)
            .text("organisationId", UnitBalanceItem::getOrganisationId, UnitBalanceItem::setOrganisationId)
            .text("currency", UnitBalanceItem::getCurrency, UnitBalanceItem::setCurrency)
            .attribute(Long.class, "balance", UnitBalanceItem::getBalance, UnitBalanceItem::setBalance)
            .attribute(Long.class, "entries", UnitBalanceItem::getEntries, UnitBalanceItem::setEntries)
            .text("updatedAt", UnitBalanceItem::getUpdatedAt, UnitBalanceItem::setUpdatedAt)
            .build();
}
