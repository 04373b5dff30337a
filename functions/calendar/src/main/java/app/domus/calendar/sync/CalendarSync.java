package app.domus.calendar.sync;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.events.CalendarBook;
import app.domus.calendar.events.CalendarEntry;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.calendar.events.CalendarEvents;
import app.domus.calendar.events.CalendarLinkItem;
import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.ProviderException;
import app.domus.shared.ids.Ids;
import java.time.Clock;

/**
 * Changes pulled from a connected calendar: the events changed since the connection's sync token (every event the first
 * time, and again when the provider says the token expired), each applied once. An event the connection has a link for
 * and whose provider version (etag) is the one the link recorded is Domus's own write coming back, or a change applied
 * already: passed over. A known event changed there changes the person's entry ({@code EventUpdated}); deleted there,
 * the entry is cancelled ({@code EventDeleted}); an unknown one is imported ({@code EventCreated}), unless it carries a
 * Domus event id or says exactly what one of the person's entries from elsewhere without a link there says (Domus's insert whose
 * link is being written: linked instead). Each carries the connection it came from, so the push
 * never sends it back there.
 */
public class CalendarSync {
    public record Result(int imported, int updated, int deleted, int unchanged) {
        Result plus(Outcome outcome) {
            return switch (outcome) {
                case IMPORTED -> new Result(imported + 1, updated, deleted, unchanged);
                case UPDATED -> new Result(imported, updated + 1, deleted, unchanged);
                case DELETED -> new Result(imported, updated, deleted + 1, unchanged);
                case UNCHANGED -> new Result(imported, updated, deleted, unchanged + 1);
            };
        }
    }

    enum Outcome { IMPORTED, UPDATED, DELETED, UNCHANGED }

    private final Connections connections;
    private final CalendarBook book;
    private final Links links;
    private final Clock clock;

    public CalendarSync(Connections connections, CalendarBook book, Links links, Clock clock) {
        this.connections = connections;
        this.book = book;
        this.links = links;
        this.clock = clock;
    }

    public Result sync(ConnectionItem connection) {
        CalendarProvider provider = connections.provider(connection.getProvider());
        String syncToken = connection.getSyncToken();
        Result result = new Result(0, 0, 0, 0);
        String pageToken = null;
        String next;
        while (true) {
            String token = syncToken;
            String page = pageToken;
            CalendarProvider.Page answer;
            try {
                answer = connections.withAccess(connection, access -> provider.list(access, connection.getCalendarId(), token, page));
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.GONE || syncToken == null) throw e;
                // The sync token expired: a full sync, which applies only what differs.
                syncToken = null;
                pageToken = null;
                continue;
            }
            for (CalendarProvider.ProviderEvent event : answer.events()) result = result.plus(apply(connection, event));
            if (answer.nextPageToken() == null) {
                next = answer.nextSyncToken();
                break;
            }
            pageToken = answer.nextPageToken();
        }
        String newToken = next;
        connections.update(connection.getId(), c -> {
            if (newToken != null) c.setSyncToken(newToken);
            c.setLastSyncAt(clock.instant().toString());
            c.setLastError(null);
        });
        return result;
    }

    Outcome apply(ConnectionItem connection, CalendarProvider.ProviderEvent event) {
        CalendarLinkItem link = links.byExternal(connection.getId(), event.externalId()).orElse(null);
        if (link == null) {
            if (event.cancelled() || event.domusEventId() != null || event.start() == null) return Outcome.UNCHANGED;
            CalendarEntry pulled = new CalendarEntry(event.title(), event.description(), event.start(), event.end());
            for (CalendarEventItem mine : book.entries(connection.getUserId())) {
                // Domus's own insert (of a Domus entry, or of one from another connected calendar), listed before its link
                // was written by a provider that does not list the Domus id (Graph's delta leaves extended properties out):
                // the link is written here instead of an import.
                if (!connection.getId().equals(mine.getOrigin()) && CalendarEventItem.CONFIRMED.equals(mine.getStatus()) && pulled.sameAs(mine)
                        && links.byEvent(connection.getId(), mine.getEventId()).isEmpty()) {
                    links.put(connection.getId(), mine.getEventId(), event.externalId(), event.etag(), mine.getRevision());
                    return Outcome.UNCHANGED;
                }
            }
            return importEvent(connection, event);
        }
        if (event.etag() != null && event.etag().equals(link.getEtag())) return Outcome.UNCHANGED;
        CalendarEventItem entry = book.entry(connection.getUserId(), link.getEventId()).orElse(null);
        if (entry == null || CalendarEventItem.CANCELLED.equals(entry.getStatus())) {
            if (event.cancelled()) links.delete(link);
            return Outcome.UNCHANGED;
        }
        if (event.cancelled()) {
            entry.setStatus(CalendarEventItem.CANCELLED);
            entry.setRevision(entry.getRevision() + 1);
            entry.setUpdatedAt(clock.instant().toString());
            book.write(entry, CalendarEvents.DELETED, connection.getId(), t -> links.delete(t, link));
            return Outcome.DELETED;
        }
        CalendarEntry pulled = new CalendarEntry(event.title(), event.description(), event.start(), event.end());
        if (pulled.sameAs(entry)) {
            // What Domus wrote itself (its link not yet updated) or already has: only the provider's version is recorded.
            links.put(connection.getId(), entry.getEventId(), event.externalId(), event.etag(), entry.getRevision());
            return Outcome.UNCHANGED;
        }
        pulled.applyTo(entry);
        entry.setRevision(entry.getRevision() + 1);
        entry.setUpdatedAt(clock.instant().toString());
        book.write(entry, CalendarEvents.UPDATED, connection.getId(),
                t -> links.put(t, connection.getId(), entry.getEventId(), event.externalId(), event.etag(), entry.getRevision()));
        return Outcome.UPDATED;
    }

    private Outcome importEvent(ConnectionItem connection, CalendarProvider.ProviderEvent event) {
        String source = "connection:" + connection.getId() + ":" + event.externalId();
        CalendarEventItem entry = new CalendarEventItem();
        String eventId = Ids.derived(0, source);
        entry.setPk(CalendarEventItem.pk(connection.getUserId()));
        entry.setSk(CalendarEventItem.sk(eventId));
        entry.setGsi1pk(CalendarEventItem.bySource(source));
        entry.setGsi1sk(connection.getUserId());
        entry.setEventId(eventId);
        entry.setUserId(connection.getUserId());
        entry.setSource(source);
        entry.setOrigin(connection.getId());
        new CalendarEntry(event.title() == null ? "(no title)" : event.title(), event.description(), event.start(), event.end()).applyTo(entry);
        entry.setStatus(CalendarEventItem.CONFIRMED);
        entry.setRevision(1L);
        entry.setUpdatedAt(clock.instant().toString());
        book.write(entry, CalendarEvents.CREATED, connection.getId(),
                t -> links.put(t, connection.getId(), eventId, event.externalId(), event.etag(), 1L));
        return Outcome.IMPORTED;
    }
}
