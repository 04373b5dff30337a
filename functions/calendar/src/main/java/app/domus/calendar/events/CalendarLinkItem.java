package app.domus.calendar.events;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The two sides' ids of one entry in one connected calendar, written twice in one transaction under the connection's
 * partition: sk {@code EVENT#<eventId>} (Domus to provider) and sk {@code EXTERNAL#<externalId>} (provider to Domus).
 * {@code etag} is the provider's version of the event after the last change either side applied, so a notification of
 * Domus's own write (the echo) is recognised and passed over; {@code revision} the Domus revision the provider holds.
 */
public class CalendarLinkItem extends TableItem {
    private String connectionId;
    private String eventId;
    private String externalId;
    private String etag;
    private Long revision;

    public static String byEvent(String eventId) {
        return "EVENT#" + eventId;
    }

    public static String byExternal(String externalId) {
        return "EXTERNAL#" + externalId;
    }

    public String getConnectionId() { return connectionId; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getEtag() { return etag; }
    public void setEtag(String etag) { this.etag = etag; }
    public Long getRevision() { return revision; }
    public void setRevision(Long revision) { this.revision = revision; }

    public static final TableSchema<CalendarLinkItem> SCHEMA = ItemSchema.item(CalendarLinkItem.class, CalendarLinkItem::new)
            .text("connectionId", CalendarLinkItem::getConnectionId, CalendarLinkItem::setConnectionId)
            .text("eventId", CalendarLinkItem::getEventId, CalendarLinkItem::setEventId)
            .text("externalId", CalendarLinkItem::getExternalId, CalendarLinkItem::setExternalId)
            .text("etag", CalendarLinkItem::getEtag, CalendarLinkItem::setEtag)
            .attribute(Long.class, "revision", CalendarLinkItem::getRevision, CalendarLinkItem::setRevision)
            .build();
}
