package app.domus.calendar.feed;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's iCal feed: pk {@code CALENDAR_FEED#<feedId>}, sk {@code FEED}; gsi1 {@code CALENDAR_FEEDS#<userId>} /
 * {@code FEED#<feedId>}. The SHA-256 of its token; the token itself is shown once, in the feed's address. Revoking
 * deletes the item; a new feed revokes the person's earlier ones.
 */
public class IcalFeedItem extends TableItem {
    public static final String SK = "FEED";

    private String feedId;
    private String userId;
    private String tokenHash;
    private String createdAt;

    public static String pk(String feedId) {
        return "CALENDAR_FEED#" + feedId;
    }

    public static String byUser(String userId) {
        return "CALENDAR_FEEDS#" + userId;
    }

    public String getFeedId() { return feedId; }
    public void setFeedId(String feedId) { this.feedId = feedId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getTokenHash() { return tokenHash; }
    public void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public static final TableSchema<IcalFeedItem> SCHEMA = ItemSchema.item(IcalFeedItem.class, IcalFeedItem::new)
            .text("feedId", IcalFeedItem::getFeedId, IcalFeedItem::setFeedId)
            .text("userId", IcalFeedItem::getUserId, IcalFeedItem::setUserId)
            .text("tokenHash", IcalFeedItem::getTokenHash, IcalFeedItem::setTokenHash)
            .text("createdAt", IcalFeedItem::getCreatedAt, IcalFeedItem::setCreatedAt)
            .build();
}
