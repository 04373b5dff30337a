package app.domus.calendar.events;

import app.domus.shared.events.Outbox;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * People's calendar entries made in Domus: what one Domus object (a stay's check-in, a vote's closing) puts in the
 * calendars of the people it concerns, one entry per person, its id derived from the object and the person so that a
 * redelivered event finds the entry it made. Each change is one transaction with its {@code EventCreated},
 * {@code EventUpdated} or {@code EventDeleted}; a change that changes nothing writes nothing.
 */
public class CalendarBook {
    public record Change(String type, int entries) {}

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    public CalendarBook(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static String eventId(String source, String userId) {
        return Ids.derived(0, source + "|" + userId);
    }

    public Optional<CalendarEventItem> entry(String userId, String eventId) {
        return table.get(CalendarEventItem.class, CalendarEventItem.pk(userId), CalendarEventItem.sk(eventId));
    }

    public List<CalendarEventItem> entries(String userId) {
        return table.all(CalendarEventItem.class, CalendarEventItem.pk(userId), "EVENT#");
    }

    /** The source's entry for each of {@code people}: made, or changed to say {@code entry}; returns how many changed. */
    public int put(String source, String organisationId, Collection<String> people, CalendarEntry entry) {
        int changed = 0;
        for (String userId : people) {
            String eventId = eventId(source, userId);
            CalendarEventItem item = entry(userId, eventId).orElse(null);
            String type;
            if (item == null) {
                item = new CalendarEventItem();
                item.setPk(CalendarEventItem.pk(userId));
                item.setSk(CalendarEventItem.sk(eventId));
                item.setGsi1pk(CalendarEventItem.bySource(source));
                item.setGsi1sk(userId);
                item.setEventId(eventId);
                item.setUserId(userId);
                item.setOrganisationId(organisationId);
                item.setSource(source);
                item.setOrigin(CalendarEventItem.DOMUS);
                item.setRevision(1L);
                type = CalendarEvents.CREATED;
            } else if (CalendarEventItem.CONFIRMED.equals(item.getStatus()) && entry.sameAs(item)) {
                continue;
            } else {
                item.setRevision(item.getRevision() + 1);
                type = CalendarEvents.UPDATED;
            }
            entry.applyTo(item);
            item.setStatus(CalendarEventItem.CONFIRMED);
            item.setUpdatedAt(clock.instant().toString());
            write(item, type, null);
            changed++;
        }
        return changed;
    }

    /** Every person's entry of the source cancelled (the stay was cancelled); returns how many. */
    public int cancel(String source) {
        int changed = 0;
        for (CalendarEventItem item : table.allInIndex(CalendarEventItem.class, TableItem.GSI1, CalendarEventItem.bySource(source))) {
            CalendarEventItem current = entry(item.getUserId(), item.getEventId()).orElse(null);
            if (current == null || CalendarEventItem.CANCELLED.equals(current.getStatus())) continue;
            current.setStatus(CalendarEventItem.CANCELLED);
            current.setRevision(current.getRevision() + 1);
            current.setUpdatedAt(clock.instant().toString());
            write(current, CalendarEvents.DELETED, null);
            changed++;
        }
        return changed;
    }

    /** Writes the entry (a new one only if none exists, a known one only at the version read) with its event. */
    void write(CalendarEventItem item, String type, String fromConnection) {
        write(item, type, fromConnection, transaction -> {});
    }

    /** As {@link #write}, with more items in the same transaction (the links of a pulled change). */
    public void write(CalendarEventItem item, String type, String fromConnection, java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder> more) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        if (item.getVersion() == null) transaction.addPutItem(table.of(CalendarEventItem.class), item);
        else transaction.addUpdateItem(table.of(CalendarEventItem.class), item);
        more.accept(transaction);
        outbox.add(transaction, type, item.getOrganisationId(), item.getEventId(), CalendarEvents.Snapshot.of(item, fromConnection));
        table.client().transactWriteItems(transaction.build());
    }
}
