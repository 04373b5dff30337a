package app.domus.notifications.devices;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A device that receives a person's push notifications: pk {@code USER#<userId>}, sk {@code DEVICE#<deviceId>}.
 * {@code endpointArn} is its SNS platform endpoint; it is absent when the platform had no SNS platform
 * application at registration, and such a device receives no push. The token itself is not kept: SNS holds it.
 */
public class DeviceItem extends TableItem {
    public static final String SK_PREFIX = "DEVICE#";

    private String deviceId;
    private String userId;
    private String platform;
    private String endpointArn;
    private String createdAt;

    public static String sk(String deviceId) { return SK_PREFIX + deviceId; }

    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getEndpointArn() { return endpointArn; }
    public void setEndpointArn(String endpointArn) { this.endpointArn = endpointArn; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DeviceItem> SCHEMA = ItemSchema.item(DeviceItem.class, DeviceItem::new)
            .text("deviceId", DeviceItem::getDeviceId, DeviceItem::setDeviceId)
            .text("userId", DeviceItem::getUserId, DeviceItem::setUserId)
            .text("platform", DeviceItem::getPlatform, DeviceItem::setPlatform)
            .text("endpointArn", DeviceItem::getEndpointArn, DeviceItem::setEndpointArn)
            .text("createdAt", DeviceItem::getCreatedAt, DeviceItem::setCreatedAt)
            .build();
}
