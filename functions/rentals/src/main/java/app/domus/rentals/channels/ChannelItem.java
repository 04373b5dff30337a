package app.domus.rentals.channels;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A unit's connection to a channel: pk {@code UNIT#<unitId>}, sk {@code CHANNEL#<channelId>}; gsi1pk {@code CHANNELS},
 * gsi1sk {@code <channelId>} (every channel, for the schedule's fan-out). {@code type} is {@code channel-manager} (a
 * property at a Channex-style channel manager, {@code propertyId}) or {@code ical} (a host's feed). The credentials (API
 * key, the feed's secret address) are in the credential store under {@code credentialsName}, never here.
 *
 * <p>Sync health and the channel's circuit breaker, kept here so that they survive cold starts and are shared by every
 * container: {@code breakerState} (CLOSED, OPEN, HALF_OPEN), {@code breakerOpenedAt}, {@code recentOutcomes} (the last
 * sync attempts, {@code ok} or {@code failed}, newest last), last success and error, the next scheduled run.
 */
public class ChannelItem extends TableItem {
    public static final String ALL = "CHANNELS";
    public static final String MANAGER = "channel-manager";
    public static final String ICAL = "ical";

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String type;
    private String name;
    private String propertyId;
    private String credentialsName;
    private String breakerState;
    private String breakerOpenedAt;
    private List<String> recentOutcomes;
    private String lastAttemptAt;
    private String lastSuccessAt;
    private String lastErrorAt;
    private String lastError;
    private String lastResult;
    private String createdAt;

    public static String pk(String unitId) { return "UNIT#" + unitId; }
    public static String sk(String channelId) { return "CHANNEL#" + channelId; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPropertyId() { return propertyId; }
    public void setPropertyId(String propertyId) { this.propertyId = propertyId; }
    public String getCredentialsName() { return credentialsName; }
    public void setCredentialsName(String credentialsName) { this.credentialsName = credentialsName; }
    public String getBreakerState() { return breakerState; }
    public void setBreakerState(String breakerState) { this.breakerState = breakerState; }
    public String getBreakerOpenedAt() { return breakerOpenedAt; }
    public void setBreakerOpenedAt(String breakerOpenedAt) { this.breakerOpenedAt = breakerOpenedAt; }
    public List<String> getRecentOutcomes() { return recentOutcomes; }
    public void setRecentOutcomes(List<String> recentOutcomes) { this.recentOutcomes = recentOutcomes; }
    public String getLastAttemptAt() { return lastAttemptAt; }
    public void setLastAttemptAt(String lastAttemptAt) { this.lastAttemptAt = lastAttemptAt; }
    public String getLastSuccessAt() { return lastSuccessAt; }
    public void setLastSuccessAt(String lastSuccessAt) { this.lastSuccessAt = lastSuccessAt; }
    public String getLastErrorAt() { return lastErrorAt; }
    public void setLastErrorAt(String lastErrorAt) { this.lastErrorAt = lastErrorAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public String getLastResult() { return lastResult; }
    public void setLastResult(String lastResult) { this.lastResult = lastResult; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public static final TableSchema<ChannelItem> SCHEMA = ItemSchema.item(ChannelItem.class, ChannelItem::new)
            .text("id", ChannelItem::getId, ChannelItem::setId)
            .text("organisationId", ChannelItem::getOrganisationId, ChannelItem::setOrganisationId)
            .text("buildingId", ChannelItem::getBuildingId, ChannelItem::setBuildingId)
            .text("unitId", ChannelItem::getUnitId, ChannelItem::setUnitId)
            .text("type", ChannelItem::getType, ChannelItem::setType)
            .text("name", ChannelItem::getName, ChannelItem::setName)
            .text("propertyId", ChannelItem::getPropertyId, ChannelItem::setPropertyId)
            .text("credentialsName", ChannelItem::getCredentialsName, ChannelItem::setCredentialsName)
            .text("breakerState", ChannelItem::getBreakerState, ChannelItem::setBreakerState)
            .text("breakerOpenedAt", ChannelItem::getBreakerOpenedAt, ChannelItem::setBreakerOpenedAt)
            .textList("recentOutcomes", ChannelItem::getRecentOutcomes, ChannelItem::setRecentOutcomes)
            .text("lastAttemptAt", ChannelItem::getLastAttemptAt, ChannelItem::setLastAttemptAt)
            .text("lastSuccessAt", ChannelItem::getLastSuccessAt, ChannelItem::setLastSuccessAt)
            .text("lastErrorAt", ChannelItem::getLastErrorAt, ChannelItem::setLastErrorAt)
            .text("lastError", ChannelItem::getLastError, ChannelItem::setLastError)
            .text("lastResult", ChannelItem::getLastResult, ChannelItem::setLastResult)
            .text("createdAt", ChannelItem::getCreatedAt, ChannelItem::setCreatedAt)
            .build();
}
