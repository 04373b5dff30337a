package app.domus.meters.readings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One reading of a meter, by hand or from its device. pk {@code READINGS#<meterId>}, sk {@code <13-digit epoch ms of
 * readAt>}: one partition per meter (a smart meter adds one item every 15 minutes, far below a partition's limits), in
 * time order, and a second reading of a meter at the same instant (a device's duplicate) has the same key. Its id is
 * {@code <meterId>-<epoch ms>}, so that it is found by key. A flagged reading is also in gsi1
 * {@code METERS#<buildingId>#FLAGGED} / {@code <readAt ms>#<meterId>} (sparse) for the manager's review. Raw device
 * readings expire (TTL) after {@code ReadingTtl}; daily aggregates are kept ({@link DayItem}).
 */
public class ReadingItem extends TableItem {
    public static final String MANUAL = "MANUAL";
    public static final String DEVICE = "DEVICE";

    /** Submitted, OCR not done yet. */
    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String FLAGGED = "FLAGGED";
    /** OCR was asked but no engine could read the photo; the submitted value stands, and says so. */
    public static final String OCR_UNAVAILABLE = "OCR_UNAVAILABLE";
    public static final String CORRECTED = "CORRECTED";

    private String id;
    private String meterId;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String readAt;
    private String value;
    private String source;
    private String deviceId;
    private String submittedBy;
    private String photoKey;
    private String status;
    private String ocrValue;
    private Double ocrConfidence;
    private String ocrEngine;
    private List<String> flags;
    private String consumption;
    private String correctedValue;
    private String correctedBy;
    private String correctionReason;
    private String correctedAt;
    private String receivedAt;

    public static String pk(String meterId) { return "READINGS#" + meterId; }
    public static String sk(long readAtEpochMs) { return String.format("%013d", readAtEpochMs); }
    public static String id(String meterId, long readAtEpochMs) { return meterId + "-" + readAtEpochMs; }
    public static String flaggedIn(String buildingId) { return "METERS#" + buildingId + "#FLAGGED"; }

    /** The value that counts: the manager's correction when there is one. */
    public String effectiveValue() { return correctedValue != null ? correctedValue : value; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getReadAt() { return readAt; }
    public void setReadAt(String readAt) { this.readAt = readAt; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getSubmittedBy() { return submittedBy; }
    public void setSubmittedBy(String submittedBy) { this.submittedBy = submittedBy; }
    public String getPhotoKey() { return photoKey; }
    public void setPhotoKey(String photoKey) { this.photoKey = photoKey; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getOcrValue() { return ocrValue; }
    public void setOcrValue(String ocrValue) { this.ocrValue = ocrValue; }
    public Double getOcrConfidence() { return ocrConfidence; }
    public void setOcrConfidence(Double ocrConfidence) { this.ocrConfidence = ocrConfidence; }
    public String getOcrEngine() { return ocrEngine; }
    public void setOcrEngine(String ocrEngine) { this.ocrEngine = ocrEngine; }
    public List<String> getFlags() { return flags; }
    public void setFlags(List<String> flags) { this.flags = flags; }
    public String getConsumption() { return consumption; }
    public void setConsumption(String consumption) { this.consumption = consumption; }
    public String getCorrectedValue() { return correctedValue; }
    public void setCorrectedValue(String correctedValue) { this.correctedValue = correctedValue; }
    public String getCorrectedBy() { return correctedBy; }
    public void setCorrectedBy(String correctedBy) { this.correctedBy = correctedBy; }
    public String getCorrectionReason() { return correctionReason; }
    public void setCorrectionReason(String correctionReason) { this.correctionReason = correctionReason; }
    public String getCorrectedAt() { return correctedAt; }
    public void setCorrectedAt(String correctedAt) { this.correctedAt = correctedAt; }
    public String getReceivedAt() { return receivedAt; }
    public void setReceivedAt(String receivedAt) { this.receivedAt = receivedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReadingItem> SCHEMA = ItemSchema.item(ReadingItem.class, ReadingItem::new)
            .text("id", ReadingItem::getId, ReadingItem::setId)
            .text("meterId", ReadingItem::getMeterId, ReadingItem::setMeterId)
            .text("organisationId", ReadingItem::getOrganisationId, ReadingItem::setOrganisationId)
            .text("buildingId", ReadingItem::getBuildingId, ReadingItem::setBuildingId)
            .text("unitId", ReadingItem::getUnitId, ReadingItem::setUnitId)
            .text("readAt", ReadingItem::getReadAt, ReadingItem::setReadAt)
            .text("value", ReadingItem::getValue, ReadingItem::setValue)
            .text("source", ReadingItem::getSource, ReadingItem::setSource)
            .text("deviceId", ReadingItem::getDeviceId, ReadingItem::setDeviceId)
            .text("submittedBy", ReadingItem::getSubmittedBy, ReadingItem::setSubmittedBy)
            .text("photoKey", ReadingItem::getPhotoKey, ReadingItem::setPhotoKey)
            .text("status", ReadingItem::getStatus, ReadingItem::setStatus)
            .text("ocrValue", ReadingItem::getOcrValue, ReadingItem::setOcrValue)
            .attribute(Double.class, "ocrConfidence", ReadingItem::getOcrConfidence, ReadingItem::setOcrConfidence)
            .text("ocrEngine", ReadingItem::getOcrEngine, ReadingItem::setOcrEngine)
            .textList("flags", ReadingItem::getFlags, ReadingItem::setFlags)
            .text("consumption", ReadingItem::getConsumption, ReadingItem::setConsumption)
            .text("correctedValue", ReadingItem::getCorrectedValue, ReadingItem::setCorrectedValue)
            .text("correctedBy", ReadingItem::getCorrectedBy, ReadingItem::setCorrectedBy)
            .text("correctionReason", ReadingItem::getCorrectionReason, ReadingItem::setCorrectionReason)
            .text("correctedAt", ReadingItem::getCorrectedAt, ReadingItem::setCorrectedAt)
            .text("receivedAt", ReadingItem::getReceivedAt, ReadingItem::setReceivedAt)
            .build();
}
