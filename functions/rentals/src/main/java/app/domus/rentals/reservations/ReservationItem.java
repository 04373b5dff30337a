package app.domus.rentals.reservations;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A stay booked on a unit: pk {@code RESERVATION#<reservationId>}, sk {@code RESERVATION}; gsi1pk
 * {@code UNIT#<unitId>#STAYS}, gsi1sk {@code <checkIn>#<reservationId>} (a unit's stays by arrival, for overlaps and
 * lists). {@code channel} and {@code channelReservationId} say where it came from (airbnb, booking, ical, direct);
 * {@code channelId} is the unit's channel connection it was synced from (none for direct bookings);
 * dates are ISO local dates of the unit's time zone, check-out exclusive. Status {@code confirmed} or {@code cancelled}.
 */
public class ReservationItem extends TableItem {
    public static final String SK = "RESERVATION";
    public static final String CONFIRMED = "confirmed";
    public static final String CANCELLED = "cancelled";

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String channel;
    private String channelId;
    private String channelReservationId;
    private String status;
    private String checkIn;
    private String checkOut;
    private String guestName;
    private String guestEmail;
    private String guestPhone;
    private Integer guests;
    private List<String> overlapsWith;
    private String createdAt;
    private String updatedAt;
    private String cancelledAt;

    public static String pk(String reservationId) { return "RESERVATION#" + reservationId; }
    public static String unitStays(String unitId) { return "UNIT#" + unitId + "#STAYS"; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getChannelId() { return channelId; }
    public void setChannelId(String channelId) { this.channelId = channelId; }
    public String getChannelReservationId() { return channelReservationId; }
    public void setChannelReservationId(String channelReservationId) { this.channelReservationId = channelReservationId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCheckIn() { return checkIn; }
    public void setCheckIn(String checkIn) { this.checkIn = checkIn; }
    public String getCheckOut() { return checkOut; }
    public void setCheckOut(String checkOut) { this.checkOut = checkOut; }
    public String getGuestName() { return guestName; }
    public void setGuestName(String guestName) { this.guestName = guestName; }
    public String getGuestEmail() { return guestEmail; }
    public void setGuestEmail(String guestEmail) { this.guestEmail = guestEmail; }
    public String getGuestPhone() { return guestPhone; }
    public void setGuestPhone(String guestPhone) { this.guestPhone = guestPhone; }
    public Integer getGuests() { return guests; }
    public void setGuests(Integer guests) { this.guests = guests; }
    public List<String> getOverlapsWith() { return overlapsWith; }
    public void setOverlapsWith(List<String> overlapsWith) { this.overlapsWith = overlapsWith; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(String cancelledAt) { this.cancelledAt = cancelledAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReservationItem> SCHEMA = ItemSchema.item(ReservationItem.class, ReservationItem::new)
            .text("id", ReservationItem::getId, ReservationItem::setId)
            .text("organisationId", ReservationItem::getOrganisationId, ReservationItem::setOrganisationId)
            .text("buildingId", ReservationItem::getBuildingId, ReservationItem::setBuildingId)
            .text("unitId", ReservationItem::getUnitId, ReservationItem::setUnitId)
            .text("channel", ReservationItem::getChannel, ReservationItem::setChannel)
            .text("channelId", ReservationItem::getChannelId, ReservationItem::setChannelId)
            .text("channelReservationId", ReservationItem::getChannelReservationId, ReservationItem::setChannelReservationId)
            .text("status", ReservationItem::getStatus, ReservationItem::setStatus)
            .text("checkIn", ReservationItem::getCheckIn, ReservationItem::setCheckIn)
            .text("checkOut", ReservationItem::getCheckOut, ReservationItem::setCheckOut)
            .text("guestName", ReservationItem::getGuestName, ReservationItem::setGuestName)
            .text("guestEmail", ReservationItem::getGuestEmail, ReservationItem::setGuestEmail)
            .text("guestPhone", ReservationItem::getGuestPhone, ReservationItem::setGuestPhone)
            .attribute(Integer.class, "guests", ReservationItem::getGuests, ReservationItem::setGuests)
            .textList("overlapsWith", ReservationItem::getOverlapsWith, ReservationItem::setOverlapsWith)
            .text("createdAt", ReservationItem::getCreatedAt, ReservationItem::setCreatedAt)
            .text("updatedAt", ReservationItem::getUpdatedAt, ReservationItem::setUpdatedAt)
            .text("cancelledAt", ReservationItem::getCancelledAt, ReservationItem::setCancelledAt)
            .build();
}
