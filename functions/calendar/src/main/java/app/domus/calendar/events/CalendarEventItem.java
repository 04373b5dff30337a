package app.domus.calendar.events;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One entry of a person's calendar in Domus: pk {@code CALENDAR#<userId>}, sk {@code EVENT#<eventId>}; gsi1
 * {@code CALENDAR_SOURCE#<source>} / userId (every person's copy of what one Domus object put in calendars, e.g.
 * {@code reservation:<id>:check-in}). {@code origin} is {@code domus}, or the connection it was imported from.
 * {@code start}/{@code end} are ISO instants, or dates for an all-day entry (end exclusive). {@code revision} counts its
 * changes: a connection's link records the revision the provider holds, so each change is applied there once.
 */
public class CalendarEventItem extends TableItem {
    public static final String DOMUS = "domus";
    public static final String CONFIRMED = "confirmed";
    public static final String CANCELLED = "cancelled";

    private String eventId;
    private String userId;
    private String organisationId;
    private String source;
    private String origin;
    private String title;
    private String description;
    private String start;
    private String end;
    private String status;
    private Long revision;
    private String updatedAt;

    public static String pk(String userId) {
        return "CALENDAR#" + userId;
    }

    public static String sk(String eventId) {
        return "EVENT#" + eventId;
    }

    public static String bySource(String source) {
        return "CALENDAR_SOURCE#" + source;
    }

    public boolean allDay() {
        return start != null && start.length() == 10;
    }

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStart() { return start; }
    public void setStart(String start) { this.start = start; }
    public String getEnd() { return end; }
    public void setEnd(String end) { this.end = end; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getRevision() { return revision; }
    public void setRevision(Long revision) { this.revision = revision; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    public static final TableSchema<CalendarEventItem> SCHEMA = ItemSchema.item(CalendarEventItem.class, CalendarEventItem::new)
            .text("eventId", CalendarEventItem::getEventId, CalendarEventItem::setEventId)
            .text("userId", CalendarEventItem::getUserId, CalendarEventItem::setUserId)
            .text("organisationId", CalendarEventItem::getOrganisationId, CalendarEventItem::setOrganisationId)
            .text("source", CalendarEventItem::getSource, CalendarEventItem::setSource)
            .text("origin", CalendarEventItem::getOrigin, CalendarEventItem::setOrigin)
            .text("title", CalendarEventItem::getTitle, CalendarEventItem::setTitle)
            .text("description", CalendarEventItem::getDescription, CalendarEventItem::setDescription)
            .text("start", CalendarEventItem::getStart, CalendarEventItem::setStart)
            .text("end", CalendarEventItem::getEnd, CalendarEventItem::setEnd)
            .text("status", CalendarEventItem::getStatus, CalendarEventItem::setStatus)
            .attribute(Long.class, "revision", CalendarEventItem::getRevision, CalendarEventItem::setRevision)
            .text("updatedAt", CalendarEventItem::getUpdatedAt, CalendarEventItem::setUpdatedAt)
            .build();
}
