package app.domus.identity.verification;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A link that shows an e-mail address is its user's: pk {@code EMAILVERIFY#<SHA-256 of the token>}, sk
 * {@code EMAILVERIFY}; only the hash is stored. Single use (deleted, under the condition that it exists, in the
 * transaction that marks the user verified) and good until {@code expiresAt} (24 h; the TTL removes it a day later).
 */
public class EmailVerificationItem extends TableItem {
    public static final String SK = "EMAILVERIFY";

    private String userId;
    private String email;
    private String expiresAt;

    public static String pk(String tokenHash) { return "EMAILVERIFY#" + tokenHash; }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<EmailVerificationItem> SCHEMA = ItemSchema.item(EmailVerificationItem.class, EmailVerificationItem::new)
            .text("userId", EmailVerificationItem::getUserId, EmailVerificationItem::setUserId)
            .text("email", EmailVerificationItem::getEmail, EmailVerificationItem::setEmail)
            .text("expiresAt", EmailVerificationItem::getExpiresAt, EmailVerificationItem::setExpiresAt)
            .build();
}
