package app.domus.rentals.channels;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The unit's own iCal feed: pk {@code UNIT#<unitId>}, sk {@code CALENDAR_FEED}; the SHA-256 of its token (the token
 * itself is shown once, in the feed's address). A new token replaces the old one.
 */
public class CalendarFeedItem extends TableItem {
    public static final String SK = "CALENDAR_FEED";

    private String unitId;
    private String tokenHash;
    private String createdAt;

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getTokenHash() { return tokenHash; }
    public void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public static final TableSchema<CalendarFeedItem> SCHEMA = ItemSchema.item(CalendarFeedItem.class, CalendarFeedItem::new)
            .text("unitId", CalendarFeedItem::getUnitId, CalendarFeedItem::setUnitId)
            .text("tokenHash", CalendarFeedItem::getTokenHash, CalendarFeedItem::setTokenHash)
            .text("createdAt", CalendarFeedItem::getCreatedAt, CalendarFeedItem::setCreatedAt)
            .build();
}
