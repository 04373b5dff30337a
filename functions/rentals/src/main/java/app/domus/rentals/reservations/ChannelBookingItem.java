package app.domus.rentals.reservations;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Which reservation a channel's booking became: pk {@code CHANNEL#<channelId>}, sk {@code BOOKING#<the channel's booking
 * id>}. Put only where absent, in the transaction that creates the reservation, so a booking synced twice (or by two
 * runs at once) is one reservation; the channel's bookings, for the feed's vanished ones, are one query.
 */
public class ChannelBookingItem extends TableItem {
    public static final String SK_PREFIX = "BOOKING#";

    private String channelId;
    private String externalId;
    private String reservationId;
    private String createdAt;

    public static String pk(String channelId) { return "CHANNEL#" + channelId; }
    public static String sk(String externalId) { return SK_PREFIX + externalId; }

    public String getChannelId() { return channelId; }
    public void setChannelId(String channelId) { this.channelId = channelId; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getReservationId() { return reservationId; }
    public void setReservationId(String reservationId) { this.reservationId = reservationId; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public static final TableSchema<ChannelBookingItem> SCHEMA = ItemSchema.item(ChannelBookingItem.class, ChannelBookingItem::new)
            .text("channelId", ChannelBookingItem::getChannelId, ChannelBookingItem::setChannelId)
            .text("externalId", ChannelBookingItem::getExternalId, ChannelBookingItem::setExternalId)
            .text("reservationId", ChannelBookingItem::getReservationId, ChannelBookingItem::setReservationId)
            .text("createdAt", ChannelBookingItem::getCreatedAt, ChannelBookingItem::setCreatedAt)
            .build();
}
