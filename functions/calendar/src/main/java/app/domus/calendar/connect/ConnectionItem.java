package app.domus.calendar.connect;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's connected calendar: pk {@code CALENDAR_CONNECTION#<connectionId>}, sk {@code CONNECTION}; gsi1
 * {@code CALENDAR_USER#<userId>} / {@code CONNECTION#<provider>} (a person's calendars), gsi2 {@code CALENDAR_CONNECTIONS}
 * / connectionId (every connection, for the quarter-hourly poll). One per person and provider: the id is derived from
 * both, so connecting again replaces the tokens. {@code tokens} is the KMS ciphertext (base64) of the OAuth tokens, never
 * the tokens; {@code syncToken} the provider's incremental-sync cursor; the watch channel's id, the SHA-256 of its token
 * and its expiry.
 */
public class ConnectionItem extends TableItem {
    public static final String SK = "CONNECTION";
    public static final String ALL = "CALENDAR_CONNECTIONS";
    public static final String CONNECTED = "connected";
    /** The refresh token was refused: the person has to consent again. */
    public static final String NEEDS_CONSENT = "needs-consent";

    private String id;
    private String userId;
    private String provider;
    private String calendarId;
    private String tokens;
    private String accessExpiresAt;
    private String syncToken;
    private String channelId;
    private String channelTokenHash;
    private String channelResourceId;
    private String channelExpiresAt;
    private String status;
    private String connectedAt;
    private String lastSyncAt;
    private String lastError;

    public static String pk(String connectionId) {
        return "CALENDAR_CONNECTION#" + connectionId;
    }

    public static String byUser(String userId) {
        return "CALENDAR_USER#" + userId;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getCalendarId() { return calendarId; }
    public void setCalendarId(String calendarId) { this.calendarId = calendarId; }
    public String getTokens() { return tokens; }
    public void setTokens(String tokens) { this.tokens = tokens; }
    public String getAccessExpiresAt() { return accessExpiresAt; }
    public void setAccessExpiresAt(String accessExpiresAt) { this.accessExpiresAt = accessExpiresAt; }
    public String getSyncToken() { return syncToken; }
    public void setSyncToken(String syncToken) { this.syncToken = syncToken; }
    public String getChannelId() { return channelId; }
    public void setChannelId(String channelId) { this.channelId = channelId; }
    public String getChannelTokenHash() { return channelTokenHash; }
    public void setChannelTokenHash(String channelTokenHash) { this.channelTokenHash = channelTokenHash; }
    public String getChannelResourceId() { return channelResourceId; }
    public void setChannelResourceId(String channelResourceId) { this.channelResourceId = channelResourceId; }
    public String getChannelExpiresAt() { return channelExpiresAt; }
    public void setChannelExpiresAt(String channelExpiresAt) { this.channelExpiresAt = channelExpiresAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getConnectedAt() { return connectedAt; }
    public void setConnectedAt(String connectedAt) { this.connectedAt = connectedAt; }
    public String getLastSyncAt() { return lastSyncAt; }
    public void setLastSyncAt(String lastSyncAt) { this.lastSyncAt = lastSyncAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }

    public static final TableSchema<ConnectionItem> SCHEMA = ItemSchema.item(ConnectionItem.class, ConnectionItem::new)
            .text("id", ConnectionItem::getId, ConnectionItem::setId)
            .text("userId", ConnectionItem::getUserId, ConnectionItem::setUserId)
            .text("provider", ConnectionItem::getProvider, ConnectionItem::setProvider)
            .text("calendarId", ConnectionItem::getCalendarId, ConnectionItem::setCalendarId)
            .text("tokens", ConnectionItem::getTokens, ConnectionItem::setTokens)
            .text("accessExpiresAt", ConnectionItem::getAccessExpiresAt, ConnectionItem::setAccessExpiresAt)
            .text("syncToken", ConnectionItem::getSyncToken, ConnectionItem::setSyncToken)
            .text("channelId", ConnectionItem::getChannelId, ConnectionItem::setChannelId)
            .text("channelTokenHash", ConnectionItem::getChannelTokenHash, ConnectionItem::setChannelTokenHash)
            .text("channelResourceId", ConnectionItem::getChannelResourceId, ConnectionItem::setChannelResourceId)
            .text("channelExpiresAt", ConnectionItem::getChannelExpiresAt, ConnectionItem::setChannelExpiresAt)
            .text("status", ConnectionItem::getStatus, ConnectionItem::setStatus)
            .text("connectedAt", ConnectionItem::getConnectedAt, ConnectionItem::setConnectedAt)
            .text("lastSyncAt", ConnectionItem::getLastSyncAt, ConnectionItem::setLastSyncAt)
            .text("lastError", ConnectionItem::getLastError, ConnectionItem::setLastError)
            .build();
}
