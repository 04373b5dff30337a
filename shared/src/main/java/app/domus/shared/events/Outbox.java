package app.domus.shared.events;

import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Where a context records the domain events of a state change: as outbox items in the same DynamoDB transaction as
 * the items that changed, so that the change and its events are stored together or not at all. Nothing is sent
 * from here; the outbox relay publishes what the table's stream shows (see {@code shared/TABLE_DESIGN.md}).
 * Outbox items go last in a transaction, so cancellation reasons keep the indexes of the items before them.
 */
@Singleton
public class Outbox {
    private final DomusTable table;
    private final Clock clock;

    @Inject
    public Outbox(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * Adds the event to a transaction being built.
     *
     * @param aggregateId the object the event is about: its events are published in the order they were written
     */
    public DomainEvent add(TransactWriteItemsEnhancedRequest.Builder transaction, String type, String organisationId,
                           String aggregateId, Object payload) {
        DomainEvent event = DomainEvent.of(type, organisationId, Json.MAPPER.valueToTree(payload), clock.instant());
        transaction.addPutItem(table.of(OutboxItem.class), OutboxItem.of(event, aggregateId, Json.write(event)));
        return event;
    }

    public DomainEvent add(TransactWriteItemsEnhancedRequest.Builder transaction, NewEvent event) {
        return add(transaction, event.type(), event.organisationId(), event.aggregateId(), event.payload());
    }

    /**
     * The outbox item of an event with a given id, for a writer that cannot use a transaction (a batch of device readings
     * written with BatchWriteItem): it writes the item beside the state it describes and retries unprocessed items until
     * both are stored; a redelivered message makes the same id, hence the same item, and consumers deduplicate by id.
     */
    public OutboxItem item(String eventId, java.time.Instant occurredAt, NewEvent event) {
        DomainEvent envelope = new DomainEvent(eventId, event.type(), 1, occurredAt, event.organisationId(),
                app.domus.shared.observability.Observability.correlationId(), Json.MAPPER.valueToTree(event.payload()));
        return OutboxItem.of(envelope, event.aggregateId(), Json.write(envelope));
    }
}
