package app.domus.calendar.connect;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A consent under way (OAuth authorization code with PKCE): pk {@code CALENDAR_CONSENT#<SHA-256 of the state>}, sk
 * {@code CONSENT}; whose it is, the provider and the PKCE code verifier. Deleted (with a condition) when the callback
 * uses it, so a state works once; its TTL ends it after 10 minutes otherwise.
 */
public class ConsentItem extends TableItem {
    public static final String SK = "CONSENT";

    private String userId;
    private String provider;
    private String codeVerifier;
    private String expiresAt;

    public static String pk(String stateHash) {
        return "CALENDAR_CONSENT#" + stateHash;
    }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getCodeVerifier() { return codeVerifier; }
    public void setCodeVerifier(String codeVerifier) { this.codeVerifier = codeVerifier; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    public static final TableSchema<ConsentItem> SCHEMA = ItemSchema.item(ConsentItem.class, ConsentItem::new)
            .text("userId", ConsentItem::getUserId, ConsentItem::setUserId)
            .text("provider", ConsentItem::getProvider, ConsentItem::setProvider)
            .text("codeVerifier", ConsentItem::getCodeVerifier, ConsentItem::setCodeVerifier)
            .text("expiresAt", ConsentItem::getExpiresAt, ConsentItem::setExpiresAt)
            .build();
}
