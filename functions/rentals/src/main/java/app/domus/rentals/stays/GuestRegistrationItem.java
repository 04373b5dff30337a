package app.domus.rentals.stays;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The guests of one stay as the police registration needs them: pk {@code RESERVATION#<reservationId>}, sk
 * {@code GUEST_REGISTRATION}. {@code guests} is the JSON list of {@code GuestRegistration.Guest}; {@code documentKeys}
 * name the ID document images in S3, deleted once the portal has accepted the registration (or the stay is cancelled).
 */
public class GuestRegistrationItem extends TableItem {
    public static final String SK = "GUEST_REGISTRATION";

    private String reservationId;
    private String guests;
    private String paymentType;
    private List<String> documentKeys;
    private String updatedAt;
    private String updatedBy;

    public String getReservationId() { return reservationId; }
    public void setReservationId(String reservationId) { this.reservationId = reservationId; }
    public String getGuests() { return guests; }
    public void setGuests(String guests) { this.guests = guests; }
    public String getPaymentType() { return paymentType; }
    public void setPaymentType(String paymentType) { this.paymentType = paymentType; }
    public List<String> getDocumentKeys() { return documentKeys; }
    public void setDocumentKeys(List<String> documentKeys) { this.documentKeys = documentKeys; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<GuestRegistrationItem> SCHEMA = ItemSchema.item(GuestRegistrationItem.class, GuestRegistrationItem::new)
            .text("reservationId", GuestRegistrationItem::getReservationId, GuestRegistrationItem::setReservationId)
            .text("guests", GuestRegistrationItem::getGuests, GuestRegistrationItem::setGuests)
            .text("paymentType", GuestRegistrationItem::getPaymentType, GuestRegistrationItem::setPaymentType)
            .textList("documentKeys", GuestRegistrationItem::getDocumentKeys, GuestRegistrationItem::setDocumentKeys)
            .text("updatedAt", GuestRegistrationItem::getUpdatedAt, GuestRegistrationItem::setUpdatedAt)
            .text("updatedBy", GuestRegistrationItem::getUpdatedBy, GuestRegistrationItem::setUpdatedBy)
            .build();
}
