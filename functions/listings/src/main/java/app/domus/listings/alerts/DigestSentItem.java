package app.domus.listings.alerts;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A saved search's digest of a day went out: pk {@code SAVEDSEARCH#<id>}, sk {@code DIGESTSENT#<UTC day>}; a run again
 * skips it (each e-mail's unsubscribe token is new, so the notifier would refuse a second request of the same id with
 * another payload). The TTL removes it after a week.
 */
public class DigestSentItem extends TableItem {
    private String sentAt;

    public static String sk(String day) { return "DIGESTSENT#" + day; }

    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DigestSentItem> SCHEMA = ItemSchema.item(DigestSentItem.class, DigestSentItem::new)
            .text("sentAt", DigestSentItem::getSentAt, DigestSentItem::setSentAt)
            .build();
}
