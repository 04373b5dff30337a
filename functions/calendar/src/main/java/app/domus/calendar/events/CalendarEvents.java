package app.domus.calendar.events;

/**
 * The calendar context's events, each about one entry of one person's calendar as it is after the change:
 * {@code fromConnection} names the connected calendar the change came from (pulled from the provider), null for a
 * change made in Domus. The push to connected calendars follows them; a calendar never gets back its own change.
 */
public final class CalendarEvents {
    public static final String CREATED = "EventCreated";
    public static final String UPDATED = "EventUpdated";
    public static final String DELETED = "EventDeleted";

    private CalendarEvents() {}

    public record Snapshot(String eventId, String userId, String organisationId, String source, String origin, String title,
                           String description, String start, String end, String status, long revision, String fromConnection) {
        public static Snapshot of(CalendarEventItem e, String fromConnection) {
            return new Snapshot(e.getEventId(), e.getUserId(), e.getOrganisationId(), e.getSource(), e.getOrigin(), e.getTitle(),
                    e.getDescription(), e.getStart(), e.getEnd(), e.getStatus(), e.getRevision(), fromConnection);
        }
    }
}
