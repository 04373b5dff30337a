package app.domus.listings.alerts;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An unsubscribe link sent in an alert e-mail: pk {@code SAVEDSEARCH#<id>}, sk {@code UNSUBSCRIBE#<SHA-256 of the token>}
 * (the token itself is only in the e-mail); the TTL removes it after {@link SavedSearches#UNSUBSCRIBE_LINK_DAYS} days.
 */
public class UnsubscribeTokenItem extends TableItem {
    public static final String SK_PREFIX = "UNSUBSCRIBE#";

    private String issuedAt;

    public static String sk(String tokenHash) { return SK_PREFIX + tokenHash; }

    public String getIssuedAt() { return issuedAt; }
    public void setIssuedAt(String issuedAt) { this.issuedAt = issuedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UnsubscribeTokenItem> SCHEMA = ItemSchema.item(UnsubscribeTokenItem.class, UnsubscribeTokenItem::new)
            .text("issuedAt", UnsubscribeTokenItem::getIssuedAt, UnsubscribeTokenItem::setIssuedAt)
            .build();
}
