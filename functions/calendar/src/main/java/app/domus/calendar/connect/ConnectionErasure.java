package app.domus.calendar.connect;

import app.domus.calendar.events.CalendarLinkItem;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deleted account's connected calendars (GDPR Art. 17; docs/privacy.md): each grant ended at its provider, then the
 * connection's partition deleted, its links first and the connection (with the encrypted tokens) last. The account
 * deletion leaves the connections for this, the tokens being only there. A provider failing throws before anything is
 * deleted, so the redelivered event finds the connection and tries again.
 */
@Singleton
public class ConnectionErasure {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionErasure.class);

    private final Connections connections;
    private final DomusTable table;

    @Inject
    public ConnectionErasure(Connections connections, DomusTable table) {
        this.connections = connections;
        this.table = table;
    }

    /** Returns how many connections were erased; none left is a repeat's answer. */
    public int eraseAll(String userId) {
        var all = connections.connectionsOf(userId);
        for (ConnectionItem connection : all) {
            if (!connections.revokeAtProvider(connection)) {
                LOG.warn("Connection {}: no {} client in this deployment, its grant is not revoked there", connection.getId(), connection.getProvider());
            }
            String pk = ConnectionItem.pk(connection.getId());
            for (String prefix : new String[] {CalendarLinkItem.byEvent(""), CalendarLinkItem.byExternal("")}) {
                table.all(CalendarLinkItem.class, pk, prefix).forEach(link -> table.of(CalendarLinkItem.class).deleteItem(link));
            }
            table.of(ConnectionItem.class).deleteItem(connection);
        }
        return all.size();
    }
}
