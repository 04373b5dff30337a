package app.domus.rentals.stays;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * How a unit is let for short stays: pk {@code UNIT#<unitId>}, sk {@code RENTAL_SETUP}. The smart lock at its door (the
 * lock cloud's id; none: guests get no door code), the police portal's code of the establishment (none: no guest
 * registration is due), the check-in and check-out times in the unit's time zone, which frame every stay's access
 * window, and the Wi-Fi and arrival instructions a guest is given at check-in.
 */
public class RentalSetupItem extends TableItem {
    public static final String SK = "RENTAL_SETUP";
    
    public static String pk(String unitId) { return "UNIT#" + unitId; }

    private String unitId;
    private String organisationId;
    private String buildingId;
    private String lockId;
    private String establishmentCode;
    private String checkInTime;
    private String checkOutTime;
    private String timeZone;
    private String wifiNetwork;
    private String wifiPassword;
    private String instructions;
    private String updatedAt;
    private String updatedBy;

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getLockId() { return lockId; }
    public void setLockId(String lockId) { this.lockId = lockId; }
    public String getEstablishmentCode() { return establishmentCode; }
    public void setEstablishmentCode(String establishmentCode) { this.establishmentCode = establishmentCode; }
    public String getCheckInTime() { return checkInTime; }
    public void setCheckInTime(String checkInTime) { this.checkInTime = checkInTime; }
    public String getCheckOutTime() { return checkOutTime; }
    public void setCheckOutTime(String checkOutTime) { this.checkOutTime = checkOutTime; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getWifiNetwork() { return wifiNetwork; }
    public void setWifiNetwork(String wifiNetwork) { this.wifiNetwork = wifiNetwork; }
    public String getWifiPassword() { return wifiPassword; }
    public void setWifiPassword(String wifiPassword) { this.wifiPassword = wifiPassword; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<RentalSetupItem> SCHEMA = ItemSchema.item(RentalSetupItem.class, RentalSetupItem::new)
            .text("unitId", RentalSetupItem::getUnitId, RentalSetupItem::setUnitId)
            .text("organisationId", RentalSetupItem::getOrganisationId, RentalSetupItem::setOrganisationId)
            .text("buildingId", RentalSetupItem::getBuildingId, RentalSetupItem::setBuildingId)
            .text("lockId", RentalSetupItem::getLockId, RentalSetupItem::setLockId)
            .text("establishmentCode", RentalSetupItem::getEstablishmentCode, RentalSetupItem::setEstablishmentCode)
            .text("checkInTime", RentalSetupItem::getCheckInTime, RentalSetupItem::setCheckInTime)
            .text("checkOutTime", RentalSetupItem::getCheckOutTime, RentalSetupItem::setCheckOutTime)
            .text("timeZone", RentalSetupItem::getTimeZone, RentalSetupItem::setTimeZone)
            .text("wifiNetwork", RentalSetupItem::getWifiNetwork, RentalSetupItem::setWifiNetwork)
            .text("wifiPassword", RentalSetupItem::getWifiPassword, RentalSetupItem::setWifiPassword)
            .text("instructions", RentalSetupItem::getInstructions, RentalSetupItem::setInstructions)
            .text("updatedAt", RentalSetupItem::getUpdatedAt, RentalSetupItem::setUpdatedAt)
            .text("updatedBy", RentalSetupItem::getUpdatedBy, RentalSetupItem::setUpdatedBy)
            .build();
}
