package app.domus.calendar.sync;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.events.CalendarBook;
import app.domus.calendar.events.CalendarEntry;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.calendar.events.CalendarLinkItem;
import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.ProviderException;
import java.util.Optional;

/**
 * A person's entry pushed to each of their connected calendars, as it is now (whatever event announced it): inserted
 * where the connection has no link (after looking for an earlier insert of it by its Domus id, so a retry never makes
 * a second), patched where the link's revision is older than the entry's, deleted where the entry is cancelled. A
 * connection whose link holds the entry's revision already (the change came from it, or was pushed before) is left
 * alone: that, and the etag recorded after each write, is what keeps a change from echoing back and forth.
 */
public class CalendarPush {
    public record Result(int inserted, int patched, int deleted, int skipped) {}

    private final Connections connections;
    private final CalendarBook book;
    private final Links links;

    public CalendarPush(Connections connections, CalendarBook book, Links links) {
        this.connections = connections;
        this.book = book;
        this.links = links;
    }

    public Result push(String userId, String eventId) {
        CalendarEventItem entry = book.entry(userId, eventId).orElse(null);
        int inserted = 0;
        int patched = 0;
        int deleted = 0;
        int skipped = 0;
        if (entry == null) return new Result(0, 0, 0, 0);
        for (ConnectionItem connection : connections.connectionsOf(userId)) {
            if (!ConnectionItem.CONNECTED.equals(connection.getStatus())) {
                skipped++;
                continue;
            }
            switch (pushTo(connection, entry)) {
                case INSERTED -> inserted++;
                case PATCHED -> patched++;
                case DELETED -> deleted++;
                case SKIPPED -> skipped++;
            }
        }
        return new Result(inserted, patched, deleted, skipped);
    }

    enum Outcome { INSERTED, PATCHED, DELETED, SKIPPED }

    Outcome pushTo(ConnectionItem connection, CalendarEventItem entry) {
        CalendarProvider provider = connections.provider(connection.getProvider());
        String calendar = connection.getCalendarId();
        CalendarLinkItem link = links.byEvent(connection.getId(), entry.getEventId()).orElse(null);
        if (CalendarEventItem.CANCELLED.equals(entry.getStatus())) {
            if (link == null) return Outcome.SKIPPED;
            connections.withAccess(connection, access -> {
                provider.delete(access, calendar, link.getExternalId());
                return null;
            });
            links.delete(link);
            return Outcome.DELETED;
        }
        if (link != null && link.getRevision() != null && link.getRevision() >= entry.getRevision()) return Outcome.SKIPPED;
        CalendarProvider.EventData data = data(entry);
        if (link == null) {
            Optional<CalendarProvider.ProviderEvent> earlier = connections.withAccess(connection,
                    access -> provider.findByDomusId(access, calendar, entry.getEventId()));
            CalendarProvider.ProviderEvent written;
            if (earlier.isPresent() && new CalendarEntry(earlier.get().title(), earlier.get().description(), earlier.get().start(),
                    earlier.get().end()).sameAs(entry)) {
                written = earlier.get();
            } else if (earlier.isPresent()) {
                written = connections.withAccess(connection, access -> provider.patch(access, calendar, earlier.get().externalId(), data));
            } else {
                written = connections.withAccess(connection, access -> provider.insert(access, calendar, data, entry.getEventId()));
            }
            links.put(connection.getId(), entry.getEventId(), written.externalId(), written.etag(), entry.getRevision());
            return Outcome.INSERTED;
        }
        CalendarProvider.ProviderEvent written;
        try {
            written = connections.withAccess(connection, access -> provider.patch(access, calendar, link.getExternalId(), data));
        } catch (ProviderException e) {
            // Deleted there meanwhile: the pull brings the deletion; nothing to patch.
            if (e.kind() == ProviderException.Kind.GONE) return Outcome.SKIPPED;
            throw e;
        }
        links.put(connection.getId(), entry.getEventId(), written.externalId(), written.etag(), entry.getRevision());
        return Outcome.PATCHED;
    }

    static CalendarProvider.EventData data(CalendarEventItem entry) {
        return new CalendarProvider.EventData(entry.getTitle(), entry.getDescription(), entry.getStart(), entry.getEnd());
    }
}
