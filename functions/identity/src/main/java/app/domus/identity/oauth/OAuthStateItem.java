package app.domus.identity.oauth;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One OAuth sign-in under way, from {@code GET /auth/oauth/{provider}} to its callback: pk
 * {@code OAUTHSTATE#<SHA-256 of state>}, sk {@code OAUTHSTATE}. It holds the PKCE verifier and the nonce (which never
 * leave the server), the SHA-256 of the browser cookie set with the redirect (the callback must come from that browser),
 * and, when a signed-in person is linking a provider, {@code linkUserId}. Single use (deleted, on condition that it
 * exists, before the code is exchanged), good for 10 minutes ({@code expiresAt}; the TTL removes it later).
 *
 * <p>The same class holds a link ticket ({@code OAUTHSTATE#ticket#<SHA-256>}): what {@code POST /auth/identities/{provider}/link}
 * gives a signed-in person to start a linking sign-in in their browser (5 minutes, single use).
 */
public class OAuthStateItem extends TableItem {
    public static final String SK = "OAUTHSTATE";

    private String provider;
    private String codeVerifier;
    private String nonce;
    private String browserHash;
    private String linkUserId;
    private String expiresAt;

    public static String pk(String stateHash) { return "OAUTHSTATE#" + stateHash; }

    public static String ticketPk(String ticketHash) { return "OAUTHSTATE#ticket#" + ticketHash; }

    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getCodeVerifier() { return codeVerifier; }
    public void setCodeVerifier(String codeVerifier) { this.codeVerifier = codeVerifier; }
    public String getNonce() { return nonce; }
    public void setNonce(String nonce) { this.nonce = nonce; }
    public String getBrowserHash() { return browserHash; }
    public void setBrowserHash(String browserHash) { this.browserHash = browserHash; }
    public String getLinkUserId() { return linkUserId; }
    public void setLinkUserId(String linkUserId) { this.linkUserId = linkUserId; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OAuthStateItem> SCHEMA = ItemSchema.item(OAuthStateItem.class, OAuthStateItem::new)
            .text("provider", OAuthStateItem::getProvider, OAuthStateItem::setProvider)
            .text("codeVerifier", OAuthStateItem::getCodeVerifier, OAuthStateItem::setCodeVerifier)
            .text("nonce", OAuthStateItem::getNonce, OAuthStateItem::setNonce)
            .text("browserHash", OAuthStateItem::getBrowserHash, OAuthStateItem::setBrowserHash)
            .text("linkUserId", OAuthStateItem::getLinkUserId, OAuthStateItem::setLinkUserId)
            .text("expiresAt", OAuthStateItem::getExpiresAt, OAuthStateItem::setExpiresAt)
            .build();
}
