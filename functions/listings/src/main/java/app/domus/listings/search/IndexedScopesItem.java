package app.domus.listings.search;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Where a listing is in the search now: pk {@code LISTING#<listingId>}, sk {@code SEARCH}, the entries' keys
 * ({@code <scope>|<sk>|<gsi1sk>}), so that the indexer removes exactly those when the listing changes or is withdrawn.
 */
public class IndexedScopesItem extends TableItem {
    public static final String SK = "SEARCH";

    private String listingId;
    private List<String> entries;

    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public List<String> getEntries() { return entries; }
    public void setEntries(List<String> entries) { this.entries = entries; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<IndexedScopesItem> SCHEMA = ItemSchema.item(IndexedScopesItem.class, IndexedScopesItem::new)
            .text("listingId", IndexedScopesItem::getListingId, IndexedScopesItem::setListingId)
            .textList("entries", IndexedScopesItem::getEntries, IndexedScopesItem::setEntries)
            .build();
}
