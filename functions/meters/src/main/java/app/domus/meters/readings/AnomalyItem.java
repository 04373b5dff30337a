package app.domus.meters.readings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Something wrong with a meter's readings, for its building's managers: pk {@code METERS#<buildingId>#ANOMALIES}, sk
 * {@code <13-digit epoch ms of the reading>#<meterId>#<kind>} (newest last; one per meter, kind and reading, so that a
 * redelivered reading records it once). Anomalies are rare, so one partition per building holds them.
 */
public class AnomalyItem extends TableItem {
    private String id;
    private String buildingId;
    private String organisationId;
    private String unitId;
    private String meterId;
    private String deviceId;
    private String kind;
    private String value;
    private String detail;
    private String readAt;
    private String detectedAt;

    public static String pk(String buildingId) { return "METERS#" + buildingId + "#ANOMALIES"; }
    public static String sk(long readAtMs, String meterId, String kind) { return String.format("%013d#%s#%s", readAtMs, meterId, kind); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getReadAt() { return readAt; }
    public void setReadAt(String readAt) { this.readAt = readAt; }
    public String getDetectedAt() { return detectedAt; }
    public void setDetectedAt(String detectedAt) { this.detectedAt = detectedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AnomalyItem> SCHEMA = ItemSchema.item(AnomalyItem.class, AnomalyItem::new)
            .text("id", AnomalyItem::getId, AnomalyItem::setId)
            .text("buildingId", AnomalyItem::getBuildingId, AnomalyItem::setBuildingId)
            .text("organisationId", AnomalyItem::getOrganisationId, AnomalyItem::setOrganisationId)
            .text("unitId", AnomalyItem::getUnitId, AnomalyItem::setUnitId)
            .text("meterId", AnomalyItem::getMeterId, AnomalyItem::setMeterId)
            .text("deviceId", AnomalyItem::getDeviceId, AnomalyItem::setDeviceId)
            .text("kind", AnomalyItem::getKind, AnomalyItem::setKind)
            .text("value", AnomalyItem::getValue, AnomalyItem::setValue)
            .text("detail", AnomalyItem::getDetail, AnomalyItem::setDetail)
            .text("readAt", AnomalyItem::getReadAt, AnomalyItem::setReadAt)
            .text("detectedAt", AnomalyItem::getDetectedAt, AnomalyItem::setDetectedAt)
            .build();
}
