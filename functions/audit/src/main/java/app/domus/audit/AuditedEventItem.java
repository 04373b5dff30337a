package app.domus.audit;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * That an event is in an organisation's chain: pk {@code AUDIT#<organisationId>}, sk {@code EVENT#<eventId>}, with the
 * entry's sequence. Put (only where none exists) in the append transaction, so a redelivered event, whatever the
 * idempotency store still remembers, never appends a second entry.
 */
public class AuditedEventItem extends TableItem {
    private Long sequence;

    public static String sk(String eventId) { return "EVENT#" + eventId; }

    public Long getSequence() { return sequence; }
    public void setSequence(Long sequence) { this.sequence = sequence; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AuditedEventItem> SCHEMA = ItemSchema.item(AuditedEventItem.class, AuditedEventItem::new)
            .attribute(Long.class, "sequence", AuditedEventItem::getSequence, AuditedEventItem::setSequence)
            .build();
}
