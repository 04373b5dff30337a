package app.domus.listings.alerts;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A listing matched by a daily saved search, for that day's digest: pk {@code SAVEDSEARCH#<id>}, sk
 * {@code DIGEST#<UTC day>#<listingId>}; gsi1 {@code DIGEST#<UTC day>} / {@code SAVEDSEARCH#<id>#<listingId>} (what the
 * daily run reads). It holds what the e-mail shows, so the run reads no listings. The TTL removes it after a week.
 */
public class DigestEntryItem extends TableItem {
    private String savedSearchId;
    private String userId;
    private String listingId;
    private String day;
    private String line;
    private String matchedAt;

    public static String sk(String day, String listingId) { return "DIGEST#" + day + "#" + listingId; }
    public static String dayKey(String day) { return "DIGEST#" + day; }

    public String getSavedSearchId() { return savedSearchId; }
    public void setSavedSearchId(String savedSearchId) { this.savedSearchId = savedSearchId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public String getLine() { return line; }
    public void setLine(String line) { this.line = line; }
    public String getMatchedAt() { return matchedAt; }
    public void setMatchedAt(String matchedAt) { this.matchedAt = matchedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DigestEntryItem> SCHEMA = ItemSchema.item(DigestEntryItem.class, DigestEntryItem::new)
            .text("savedSearchId", DigestEntryItem::getSavedSearchId, DigestEntryItem::setSavedSearchId)
            .text("userId", DigestEntryItem::getUserId, DigestEntryItem::setUserId)
            .text("listingId", DigestEntryItem::getListingId, DigestEntryItem::setListingId)
            .text("day", DigestEntryItem::getDay, DigestEntryItem::setDay)
            .text("line", DigestEntryItem::getLine, DigestEntryItem::setLine)
            .text("matchedAt", DigestEntryItem::getMatchedAt, DigestEntryItem::setMatchedAt)
            .build();
}
