package app.domus.identity.identities;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A link to confirm, e-mailed to an account's address, that joins a provider identity to that account: pk
 * {@code IDLINK#<SHA-256 of the token>}, sk {@code IDLINK}; only the hash is stored. Single use (deleted, on condition
 * that it exists, in the transaction that links), good until {@code expiresAt} (1 h; the TTL removes it a day later).
 */
public class IdentityLinkItem extends TableItem {
    public static final String SK = "IDLINK";

    private String userId;
    private String provider;
    private String subject;
    private String email;
    private String expiresAt;

    public static String pk(String tokenHash) { return "IDLINK#" + tokenHash; }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<IdentityLinkItem> SCHEMA = ItemSchema.item(IdentityLinkItem.class, IdentityLinkItem::new)
            .text("userId", IdentityLinkItem::getUserId, IdentityLinkItem::setUserId)
            .text("provider", IdentityLinkItem::getProvider, IdentityLinkItem::setProvider)
            .text("subject", IdentityLinkItem::getSubject, IdentityLinkItem::setSubject)
            .text("email", IdentityLinkItem::getEmail, IdentityLinkItem::setEmail)
            .text("expiresAt", IdentityLinkItem::getExpiresAt, IdentityLinkItem::setExpiresAt)
            .build();
}
