package app.domus.identity.sessions;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A signed-in device: pk {@code USER#<userId>}, sk {@code SESSION#<sessionId>}. Its refresh tokens form one family. */
public class SessionItem extends TableItem {
    private String sessionId;
    private String userId;
    private String createdAt;
    private String lastUsedAt;
    private String userAgent;
    private String sourceIp;
    private String currentTokenHash;

    public static String sk(String sessionId) { return "SESSION#" + sessionId; }

    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getLastUsedAt() { return lastUsedAt; }
    public void setLastUsedAt(String lastUsedAt) { this.lastUsedAt = lastUsedAt; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getSourceIp() { return sourceIp; }
    public void setSourceIp(String sourceIp) { this.sourceIp = sourceIp; }
    public String getCurrentTokenHash() { return currentTokenHash; }
    public void setCurrentTokenHash(String currentTokenHash) { this.currentTokenHash = currentTokenHash; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<SessionItem> SCHEMA = ItemSchema.item(SessionItem.class, SessionItem::new)
            .text("sessionId", SessionItem::getSessionId, SessionItem::setSessionId)
            .text("userId", SessionItem::getUserId, SessionItem::setUserId)
            .text("createdAt", SessionItem::getCreatedAt, SessionItem::setCreatedAt)
            .text("lastUsedAt", SessionItem::getLastUsedAt, SessionItem::setLastUsedAt)
            .text("userAgent", SessionItem::getUserAgent, SessionItem::setUserAgent)
            .text("sourceIp", SessionItem::getSourceIp, SessionItem::setSourceIp)
            .text("currentTokenHash", SessionItem::getCurrentTokenHash, SessionItem::setCurrentTokenHash)
            .build();
}
