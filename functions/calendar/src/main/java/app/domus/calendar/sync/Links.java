package app.domus.calendar.sync;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.events.CalendarLinkItem;
import app.domus.shared.persistence.DomusTable;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** The two-way id map of a connection's entries ({@link CalendarLinkItem}): both items written and deleted together. */
public class Links {
    private final DomusTable table;

    public Links(DomusTable table) {
        this.table = table;
    }

    public Optional<CalendarLinkItem> byEvent(String connectionId, String eventId) {
        return table.get(CalendarLinkItem.class, ConnectionItem.pk(connectionId), CalendarLinkItem.byEvent(eventId));
    }

    public Optional<CalendarLinkItem> byExternal(String connectionId, String externalId) {
        return table.get(CalendarLinkItem.class, ConnectionItem.pk(connectionId), CalendarLinkItem.byExternal(externalId));
    }

    /** Both items of the link, as they are to be: new ones, or the ones read (their versions checked) changed. */
    public void put(TransactWriteItemsEnhancedRequest.Builder transaction, String connectionId, String eventId, String externalId,
                    String etag, long revision) {
        for (String sk : new String[] {CalendarLinkItem.byEvent(eventId), CalendarLinkItem.byExternal(externalId)}) {
            CalendarLinkItem link = table.get(CalendarLinkItem.class, ConnectionItem.pk(connectionId), sk).orElseGet(CalendarLinkItem::new);
            link.setPk(ConnectionItem.pk(connectionId));
            link.setSk(sk);
            link.setConnectionId(connectionId);
            link.setEventId(eventId);
            link.setExternalId(externalId);
            link.setEtag(etag);
            link.setRevision(revision);
            if (link.getVersion() == null) transaction.addPutItem(table.of(CalendarLinkItem.class), link);
            else transaction.addUpdateItem(table.of(CalendarLinkItem.class), link);
        }
    }

    public void put(String connectionId, String eventId, String externalId, String etag, long revision) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        put(transaction, connectionId, eventId, externalId, etag, revision);
        table.client().transactWriteItems(transaction.build());
    }

    public void delete(TransactWriteItemsEnhancedRequest.Builder transaction, CalendarLinkItem link) {
        for (String sk : new String[] {CalendarLinkItem.byEvent(link.getEventId()), CalendarLinkItem.byExternal(link.getExternalId())}) {
            transaction.addDeleteItem(table.of(CalendarLinkItem.class), software.amazon.awssdk.enhanced.dynamodb.Key.builder()
                    .partitionValue(link.getPk()).sortValue(sk).build());
        }
    }

    public void delete(CalendarLinkItem link) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        delete(transaction, link);
        table.client().transactWriteItems(transaction.build());
    }
}
