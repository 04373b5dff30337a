package app.domus.identity.sessions;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One refresh token, by hash: pk {@code REFRESH#<sha256>}, sk {@code REFRESH}. ACTIVE until used once,
 * then ROTATED and kept until it would have expired, so that a replay is recognised as theft.
 */
public class RefreshTokenItem extends TableItem {
    public static final String SK = "REFRESH";
    public static final String ACTIVE = "ACTIVE";
    public static final String ROTATED = "ROTATED";

    private String userId;
    private String sessionId;
    private String status;
    private String expiresAt;

    public static String pk(String hash) { return "REFRESH#" + hash; }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<RefreshTokenItem> SCHEMA = ItemSchema.item(RefreshTokenItem.class, RefreshTokenItem::new)
            .text("userId", RefreshTokenItem::getUserId, RefreshTokenItem::setUserId)
            .text("sessionId", RefreshTokenItem::getSessionId, RefreshTokenItem::setSessionId)
            .text("status", RefreshTokenItem::getStatus, RefreshTokenItem::setStatus)
            .text("expiresAt", RefreshTokenItem::getExpiresAt, RefreshTokenItem::setExpiresAt)
            .build();
}
