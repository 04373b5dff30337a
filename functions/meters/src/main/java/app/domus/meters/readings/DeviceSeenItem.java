package app.domus.meters.readings;

import app.domus.meters.registry.DeviceItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * When a device was last heard, by the hour: pk {@code DEVICE#<deviceId>}, sk {@code SEEN}; gsi2
 * {@code DEVICES#SEEN#<0..15>} / {@code <13-digit epoch ms of the hour>#<deviceId>}, so that the silence check reads
 * the devices not heard since a given hour in key order. Only ingestion writes it, once per device and hour (not per
 * reading), so it is put whole without a condition; the device's registration ({@link DeviceItem}) is another item.
 */
public class DeviceSeenItem extends TableItem {
    public static final String SK = "SEEN";

    private String deviceId;
    private String meterId;
    private String buildingId;
    private String organisationId;
    private Long hourMs;
    private String silentReportedAt;

    public static DeviceSeenItem of(DeviceItem device, long hourMs) {
        DeviceSeenItem seen = new DeviceSeenItem();
        seen.setPk(DeviceItem.pk(device.getId()));
        seen.setSk(SK);
        seen.setGsi2pk(DeviceItem.seenShard(device.getId()));
        seen.setGsi2sk(DeviceItem.seenKey(hourMs, device.getId()));
        seen.setDeviceId(device.getId());
        seen.setMeterId(device.getMeterId());
        seen.setBuildingId(device.getBuildingId());
        seen.setOrganisationId(device.getOrganisationId());
        seen.setHourMs(hourMs);
        return seen;
    }

    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public Long getHourMs() { return hourMs; }
    public void setHourMs(Long hourMs) { this.hourMs = hourMs; }
    public String getSilentReportedAt() { return silentReportedAt; }
    public void setSilentReportedAt(String silentReportedAt) { this.silentReportedAt = silentReportedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DeviceSeenItem> SCHEMA = ItemSchema.item(DeviceSeenItem.class, DeviceSeenItem::new)
            .text("deviceId", DeviceSeenItem::getDeviceId, DeviceSeenItem::setDeviceId)
            .text("meterId", DeviceSeenItem::getMeterId, DeviceSeenItem::setMeterId)
            .text("buildingId", DeviceSeenItem::getBuildingId, DeviceSeenItem::setBuildingId)
            .text("organisationId", DeviceSeenItem::getOrganisationId, DeviceSeenItem::setOrganisationId)
            .attribute(Long.class, "hourMs", DeviceSeenItem::getHourMs, DeviceSeenItem::setHourMs)
            .text("silentReportedAt", DeviceSeenItem::getSilentReportedAt, DeviceSeenItem::setSilentReportedAt)
            .build();
}
