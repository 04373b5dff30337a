package app.domus.identity.login;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A password check passed, a second factor pending: pk {@code MFA#<sha256 of the mfaToken>}, sk {@code MFA}.
 * Expires after five minutes or five wrong codes.
 */
public class MfaChallengeItem extends TableItem {
    public static final String SK = "MFA";

    private String userId;
    private Long attempts;
    private String expiresAt;
    private String sourceIp;
    private String userAgent;

    public static String pk(String hash) { return "MFA#" + hash; }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public Long getAttempts() { return attempts; }
    public void setAttempts(Long attempts) { this.attempts = attempts; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }
    public String getSourceIp() { return sourceIp; }
    public void setSourceIp(String sourceIp) { this.sourceIp = sourceIp; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MfaChallengeItem> SCHEMA = ItemSchema.item(MfaChallengeItem.class, MfaChallengeItem::new)
            .text("userId", MfaChallengeItem::getUserId, MfaChallengeItem::setUserId)
            .attribute(Long.class, "attempts", MfaChallengeItem::getAttempts, MfaChallengeItem::setAttempts)
            .text("expiresAt", MfaChallengeItem::getExpiresAt, MfaChallengeItem::setExpiresAt)
            .text("sourceIp", MfaChallengeItem::getSourceIp, MfaChallengeItem::setSourceIp)
            .text("userAgent", MfaChallengeItem::getUserAgent, MfaChallengeItem::setUserAgent)
            .build();
}
