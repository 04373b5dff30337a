package app.domus.meters.registry;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A smart-meter device registered to a meter. pk {@code DEVICE#<deviceId>}, sk {@code DEVICE}; gsi1
 * {@code METER#<meterId>#DEVICES} / {@code <deviceId>} lists a meter's devices. When it was last heard is another item
 * ({@code DeviceSeenItem}, written by ingestion). The device's credential is a random secret of which only the SHA-256
 * is kept; the device authorizer compares hashes.
 */
public class DeviceItem extends TableItem {
    public static final String SK = "DEVICE";
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    public static final int SEEN_SHARDS = 16;

    private String id;
    private String meterId;
    private String organisationId;
    private String buildingId;
    private String secretHash;
    private String status;
    private String registeredAt;

    public static String pk(String deviceId) { return "DEVICE#" + deviceId; }
    public static String ofMeter(String meterId) { return "METER#" + meterId + "#DEVICES"; }
    public static String seenShard(String deviceId) { return "DEVICES#SEEN#" + Math.floorMod(deviceId.hashCode(), SEEN_SHARDS); }
    public static String seenShard(int shard) { return "DEVICES#SEEN#" + shard; }
    public static String seenKey(long hourEpochMs, String deviceId) { return String.format("%013d#%s", hourEpochMs, deviceId); }

    public DeviceItem keyed() {
        setPk(pk(id));
        setSk(SK);
        setGsi1pk(ofMeter(meterId));
        setGsi1sk(id);
        return this;
    }

    public boolean isActive() { return ACTIVE.equals(status); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRegisteredAt() { return registeredAt; }
    public void setRegisteredAt(String registeredAt) { this.registeredAt = registeredAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DeviceItem> SCHEMA = ItemSchema.item(DeviceItem.class, DeviceItem::new)
            .text("id", DeviceItem::getId, DeviceItem::setId)
            .text("meterId", DeviceItem::getMeterId, DeviceItem::setMeterId)
            .text("organisationId", DeviceItem::getOrganisationId, DeviceItem::setOrganisationId)
            .text("buildingId", DeviceItem::getBuildingId, DeviceItem::setBuildingId)
            .text("secretHash", DeviceItem::getSecretHash, DeviceItem::setSecretHash)
            .text("status", DeviceItem::getStatus, DeviceItem::setStatus)
            .text("registeredAt", DeviceItem::getRegisteredAt, DeviceItem::setRegisteredAt)
            .build();
}
