package app.domus.shared.events;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A domain event waiting in the table to be published: written in the same transaction as the state change it
 * announces, read off the table's stream by the outbox relay, and marked published (with a TTL) once it is on the
 * events topic. Keyed by aggregate so that one aggregate's events share a stream shard and keep their order:
 * {@code pk = OUTBOX#<aggregateId>}, {@code sk = EVENT#<eventId>} (event ids are time-ordered). Until it is
 * published it also sits in a sparse index ({@code gsi1pk = OUTBOX#PENDING#<shard>}, {@code gsi1sk = <epoch millis,
 * 13 digits>#<eventId>}) where the sweeper finds what the stream did not deliver.
 */
public class OutboxItem extends TableItem {
    public static final String PK_PREFIX = "OUTBOX#";
    public static final String SK_PREFIX = "EVENT#";
    public static final String PENDING_PREFIX = "OUTBOX#PENDING#";
    /** Pending items are spread over this many index partitions, so a busy platform has no hot index key. */
    public static final int PENDING_SHARDS = 16;

    private String eventId;
    private String eventType;
    private String aggregateId;
    private String occurredAt;
    private String envelope;
    private String publishedAt;

    public static String pk(String aggregateId) {
        return PK_PREFIX + aggregateId;
    }

    public static String pendingShard(int shard) {
        return PENDING_PREFIX + shard;
    }

    /** The pending index's sort key starts with when the event occurred, so that it sorts by time: the sweeper's range. */
    public static String pendingSince(long epochMillis) {
        return String.format(java.util.Locale.ROOT, "%013d", epochMillis);
    }

    static OutboxItem of(DomainEvent event, String aggregateId, String envelope) {
        OutboxItem item = new OutboxItem();
        item.setPk(pk(aggregateId));
        item.setSk(SK_PREFIX + event.id());
        item.setGsi1pk(pendingShard(Math.floorMod(aggregateId.hashCode(), PENDING_SHARDS)));
        item.setGsi1sk(pendingSince(event.occurredAt().toEpochMilli()) + "#" + event.id());
        item.setEventId(event.id());
        item.setEventType(event.type());
        item.setAggregateId(aggregateId);
        item.setOccurredAt(event.occurredAt().toString());
        item.setEnvelope(envelope);
        return item;
    }

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public String getAggregateId() { return aggregateId; }
    public void setAggregateId(String aggregateId) { this.aggregateId = aggregateId; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    /** The event as it goes onto the topic: the JSON of {@link DomainEvent}. */
    public String getEnvelope() { return envelope; }
    public void setEnvelope(String envelope) { this.envelope = envelope; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OutboxItem> SCHEMA = ItemSchema.item(OutboxItem.class, OutboxItem::new)
            .text("eventId", OutboxItem::getEventId, OutboxItem::setEventId)
            .text("eventType", OutboxItem::getEventType, OutboxItem::setEventType)
            .text("aggregateId", OutboxItem::getAggregateId, OutboxItem::setAggregateId)
            .text("occurredAt", OutboxItem::getOccurredAt, OutboxItem::setOccurredAt)
            .text("envelope", OutboxItem::getEnvelope, OutboxItem::setEnvelope)
            .text("publishedAt", OutboxItem::getPublishedAt, OutboxItem::setPublishedAt)
            .build();
}
