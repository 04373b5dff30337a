package app.domus.listings.listings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A listing's price as it changed: pk {@code LISTING#<id>}, sk {@code PRICE#<changedAt>#<listing version>}. */
public class PriceChangeItem extends TableItem {
    private String listingId;
    private Long fromMinor;
    private Long toMinor;
    private String currency;
    private String changedAt;
    private String changedBy;

    public static String sk(String changedAt, long listingVersion) { return "PRICE#" + changedAt + "#" + listingVersion; }

    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public Long getFromMinor() { return fromMinor; }
    public void setFromMinor(Long fromMinor) { this.fromMinor = fromMinor; }
    public Long getToMinor() { return toMinor; }
    public void setToMinor(Long toMinor) { this.toMinor = toMinor; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getChangedAt() { return changedAt; }
    public void setChangedAt(String changedAt) { this.changedAt = changedAt; }
    public String getChangedBy() { return changedBy; }
    public void setChangedBy(String changedBy) { this.changedBy = changedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<PriceChangeItem> SCHEMA = ItemSchema.item(PriceChangeItem.class, PriceChangeItem::new)
            .text("listingId", PriceChangeItem::getListingId, PriceChangeItem::setListingId)
            .attribute(Long.class, "fromMinor", PriceChangeItem::getFromMinor, PriceChangeItem::setFromMinor)
            .attribute(Long.class, "toMinor", PriceChangeItem::getToMinor, PriceChangeItem::setToMinor)
            .text("currency", PriceChangeItem::getCurrency, PriceChangeItem::setCurrency)
            .text("changedAt", PriceChangeItem::getChangedAt, PriceChangeItem::setChangedAt)
            .text("changedBy", PriceChangeItem::getChangedBy, PriceChangeItem::setChangedBy)
            .build();
}
