package app.domus.meters.registry;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A meter gateway of a building: a box that collects its smart meters' readings (e.g. over wM-Bus) and cannot speak MQTT,
 * sending them to {@code POST /internal/meter-readings} instead. pk {@code GATEWAY#<gatewayId>}, sk {@code GATEWAY};
 * gsi1 {@code METERS#<buildingId>#GATEWAYS} / {@code <gatewayId>}. Only the SHA-256 of its secret is kept.
 */
public class GatewayItem extends TableItem {
    public static final String SK = "GATEWAY";

    private String id;
    private String buildingId;
    private String organisationId;
    private String secretHash;
    private String status;
    private String registeredAt;

    public static String pk(String gatewayId) { return "GATEWAY#" + gatewayId; }
    public static String ofBuilding(String buildingId) { return "METERS#" + buildingId + "#GATEWAYS"; }

    public boolean isActive() { return DeviceItem.ACTIVE.equals(status); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRegisteredAt() { return registeredAt; }
    public void setRegisteredAt(String registeredAt) { this.registeredAt = registeredAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<GatewayItem> SCHEMA = ItemSchema.item(GatewayItem.class, GatewayItem::new)
            .text("id", GatewayItem::getId, GatewayItem::setId)
            .text("buildingId", GatewayItem::getBuildingId, GatewayItem::setBuildingId)
            .text("organisationId", GatewayItem::getOrganisationId, GatewayItem::setOrganisationId)
            .text("secretHash", GatewayItem::getSecretHash, GatewayItem::setSecretHash)
            .text("status", GatewayItem::getStatus, GatewayItem::setStatus)
            .text("registeredAt", GatewayItem::getRegisteredAt, GatewayItem::setRegisteredAt)
            .build();
}
