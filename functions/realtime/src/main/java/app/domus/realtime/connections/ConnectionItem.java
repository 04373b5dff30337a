package app.domus.realtime.connections;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An open WebSocket connection and the user the authorizer admitted: pk {@code CONNECTION#<connectionId>}, sk
 * {@code CONNECTION}. It expires with the connection's two-hour limit at the latest; {@code $disconnect} deletes it
 * sooner, and a broadcast that meets a gone connection deletes it too.
 */
public class ConnectionItem extends TableItem {
    public static final String SK = "CONNECTION";

    private String connectionId;
    private String userId;
    private String connectedAt;

    public static String pk(String connectionId) { return "CONNECTION#" + connectionId; }

    public String getConnectionId() { return connectionId; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getConnectedAt() { return connectedAt; }
    public void setConnectedAt(String connectedAt) { this.connectedAt = connectedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ConnectionItem> SCHEMA = ItemSchema.item(ConnectionItem.class, ConnectionItem::new)
            .text("connectionId", ConnectionItem::getConnectionId, ConnectionItem::setConnectionId)
            .text("userId", ConnectionItem::getUserId, ConnectionItem::setUserId)
            .text("connectedAt", ConnectionItem::getConnectedAt, ConnectionItem::setConnectedAt)
            .build();
}
