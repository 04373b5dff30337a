package app.domus.rentals.stays;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What follows a reservation, as a saga across the partners: pk {@code RESERVATION#<reservationId>}, sk {@code STAY}.
 * The guest's access code and the lock's keypad code are never stored: both are derived from {@code codeNonce} with
 * the platform's key ({@link AccessCodes}), and only the access code's keyed hash is kept, to check it. Each step has
 * its state: the keypad code on the lock ({@code lockStatus}), the police registration ({@code registrationStatus}),
 * the check-in and check-out. While a step waits for a partner the stay is in the sparse index gsi1
 * {@code STAYS#PENDING} / {@code <nextAttemptAt>#<reservationId>}, which the ResumeStays schedule reads.
 */
public class StayItem extends TableItem {
    public static final String SK = "STAY";
    public static final String PENDING = "STAYS#PENDING";
    
    public static String pk(String reservationId) { return "RESERVATION#" + reservationId; }

    private String reservationId;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String status;
    private String guestName;
    private String guestEmail;
    private String checkIn;
    private String checkOut;
    private String validFrom;
    private String validUntil;
    private String codeNonce;
    private String accessCodeHash;
    private String lockId;
    private String lockStatus;
    private String lockAuthId;
    private String lockCodeClaim;
    private String establishmentCode;
    private String registrationStatus;
    private String submissionId;
    private String previousSubmissionId;
    private String withdrawalId;
    private String communicationCode;
    private String rejectionReason;
    private List<String> submissions;
    private String checkInStatus;
    private String checkedInAt;
    private String checkOutStatus;
    private String checkedOutAt;
    private Integer attempts;
    private String nextAttemptAt;
    private String lastError;
    private String createdAt;
    private String updatedAt;
    private String cancelledAt;

    public String getReservationId() { return reservationId; }
    public void setReservationId(String reservationId) { this.reservationId = reservationId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getGuestName() { return guestName; }
    public void setGuestName(String guestName) { this.guestName = guestName; }
    public String getGuestEmail() { return guestEmail; }
    public void setGuestEmail(String guestEmail) { this.guestEmail = guestEmail; }
    public String getCheckIn() { return checkIn; }
    public void setCheckIn(String checkIn) { this.checkIn = checkIn; }
    public String getCheckOut() { return checkOut; }
    public void setCheckOut(String checkOut) { this.checkOut = checkOut; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public String getCodeNonce() { return codeNonce; }
    public void setCodeNonce(String codeNonce) { this.codeNonce = codeNonce; }
    public String getAccessCodeHash() { return accessCodeHash; }
    public void setAccessCodeHash(String accessCodeHash) { this.accessCodeHash = accessCodeHash; }
    public String getLockId() { return lockId; }
    public void setLockId(String lockId) { this.lockId = lockId; }
    public String getLockStatus() { return lockStatus; }
    public void setLockStatus(String lockStatus) { this.lockStatus = lockStatus; }
    public String getLockAuthId() { return lockAuthId; }
    public void setLockAuthId(String lockAuthId) { this.lockAuthId = lockAuthId; }
    public String getLockCodeClaim() { return lockCodeClaim; }
    public void setLockCodeClaim(String lockCodeClaim) { this.lockCodeClaim = lockCodeClaim; }
    public String getEstablishmentCode() { return establishmentCode; }
    public void setEstablishmentCode(String establishmentCode) { this.establishmentCode = establishmentCode; }
    public String getRegistrationStatus() { return registrationStatus; }
    public void setRegistrationStatus(String registrationStatus) { this.registrationStatus = registrationStatus; }
    public String getSubmissionId() { return submissionId; }
    public void setSubmissionId(String submissionId) { this.submissionId = submissionId; }
    public String getPreviousSubmissionId() { return previousSubmissionId; }
    public void setPreviousSubmissionId(String previousSubmissionId) { this.previousSubmissionId = previousSubmissionId; }
    public String getWithdrawalId() { return withdrawalId; }
    public void setWithdrawalId(String withdrawalId) { this.withdrawalId = withdrawalId; }
    public String getCommunicationCode() { return communicationCode; }
    public void setCommunicationCode(String communicationCode) { this.communicationCode = communicationCode; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
    public List<String> getSubmissions() { return submissions; }
    public void setSubmissions(List<String> submissions) { this.submissions = submissions; }
    public String getCheckInStatus() { return checkInStatus; }
    public void setCheckInStatus(String checkInStatus) { this.checkInStatus = checkInStatus; }
    public String getCheckedInAt() { return checkedInAt; }
    public void setCheckedInAt(String checkedInAt) { this.checkedInAt = checkedInAt; }
    public String getCheckOutStatus() { return checkOutStatus; }
    public void setCheckOutStatus(String checkOutStatus) { this.checkOutStatus = checkOutStatus; }
    public String getCheckedOutAt() { return checkedOutAt; }
    public void setCheckedOutAt(String checkedOutAt) { this.checkedOutAt = checkedOutAt; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public String getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(String nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(String cancelledAt) { this.cancelledAt = cancelledAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<StayItem> SCHEMA = ItemSchema.item(StayItem.class, StayItem::new)
            .text("reservationId", StayItem::getReservationId, StayItem::setReservationId)
            .text("organisationId", StayItem::getOrganisationId, StayItem::setOrganisationId)
            .text("buildingId", StayItem::getBuildingId, StayItem::setBuildingId)
            .text("unitId", StayItem::getUnitId, StayItem::setUnitId)
            .text("status", StayItem::getStatus, StayItem::setStatus)
            .text("guestName", StayItem::getGuestName, StayItem::setGuestName)
            .text("guestEmail", StayItem::getGuestEmail, StayItem::setGuestEmail)
            .text("checkIn", StayItem::getCheckIn, StayItem::setCheckIn)
            .text("checkOut", StayItem::getCheckOut, StayItem::setCheckOut)
            .text("validFrom", StayItem::getValidFrom, StayItem::setValidFrom)
            .text("validUntil", StayItem::getValidUntil, StayItem::setValidUntil)
            .text("codeNonce", StayItem::getCodeNonce, StayItem::setCodeNonce)
            .text("accessCodeHash", StayItem::getAccessCodeHash, StayItem::setAccessCodeHash)
            .text("lockId", StayItem::getLockId, StayItem::setLockId)
            .text("lockStatus", StayItem::getLockStatus, StayItem::setLockStatus)
            .text("lockAuthId", StayItem::getLockAuthId, StayItem::setLockAuthId)
            .text("lockCodeClaim", StayItem::getLockCodeClaim, StayItem::setLockCodeClaim)
            .text("establishmentCode", StayItem::getEstablishmentCode, StayItem::setEstablishmentCode)
            .text("registrationStatus", StayItem::getRegistrationStatus, StayItem::setRegistrationStatus)
            .text("submissionId", StayItem::getSubmissionId, StayItem::setSubmissionId)
            .text("previousSubmissionId", StayItem::getPreviousSubmissionId, StayItem::setPreviousSubmissionId)
            .text("withdrawalId", StayItem::getWithdrawalId, StayItem::setWithdrawalId)
            .text("communicationCode", StayItem::getCommunicationCode, StayItem::setCommunicationCode)
            .text("rejectionReason", StayItem::getRejectionReason, StayItem::setRejectionReason)
            .textList("submissions", StayItem::getSubmissions, StayItem::setSubmissions)
            .text("checkInStatus", StayItem::getCheckInStatus, StayItem::setCheckInStatus)
            .text("checkedInAt", StayItem::getCheckedInAt, StayItem::setCheckedInAt)
            .text("checkOutStatus", StayItem::getCheckOutStatus, StayItem::setCheckOutStatus)
            .text("checkedOutAt", StayItem::getCheckedOutAt, StayItem::setCheckedOutAt)
            .attribute(Integer.class, "attempts", StayItem::getAttempts, StayItem::setAttempts)
            .text("nextAttemptAt", StayItem::getNextAttemptAt, StayItem::setNextAttemptAt)
            .text("lastError", StayItem::getLastError, StayItem::setLastError)
            .text("createdAt", StayItem::getCreatedAt, StayItem::setCreatedAt)
            .text("updatedAt", StayItem::getUpdatedAt, StayItem::setUpdatedAt)
            .text("cancelledAt", StayItem::getCancelledAt, StayItem::setCancelledAt)
            .build();
}
