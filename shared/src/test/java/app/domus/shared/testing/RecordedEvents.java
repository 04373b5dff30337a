package app.domus.shared.testing;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The domain events a test's services wrote to the outbox of its table, oldest first: what the relay would
 * publish. Reads the table each time, so it shows exactly what was committed (a refused request leaves nothing).
 * {@link #clear()} hides what is there so far, for tests about what a later step adds.
 */
public final class RecordedEvents {
    private final DomusTable table;
    private final Set<String> hidden = new HashSet<>();

    public RecordedEvents(DomusTable table) {
        this.table = table;
    }

    public List<DomainEvent> all() {
        return LocalDynamo.client().scanPaginator(b -> b.tableName(table.name())
                        .filterExpression("begins_with(pk, :outbox)")
                        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS(OutboxItem.PK_PREFIX))))
                .items().stream()
                .map(item -> Json.read(item.get("envelope").s(), DomainEvent.class))
                .filter(event -> !hidden.contains(event.id()))
                .sorted(Comparator.comparing(DomainEvent::id))
                .toList();
    }

    public List<DomainEvent> ofType(String type) {
        return all().stream().filter(event -> event.type().equals(type)).toList();
    }

    /** The types of the events, oldest first. */
    public List<String> types() {
        return all().stream().map(DomainEvent::type).toList();
    }

    public int size() {
        return all().size();
    }

    public DomainEvent get(int index) {
        return all().get(index);
    }

    public DomainEvent last() {
        return all().getLast();
    }

    public boolean isEmpty() {
        return all().isEmpty();
    }

    public void clear() {
        all().forEach(event -> hidden.add(event.id()));
    }
}
