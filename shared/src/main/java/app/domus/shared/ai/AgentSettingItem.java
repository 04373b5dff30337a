package app.domus.shared.ai;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An organisation's switch for one AI task's agent: pk {@code ORG#<organisationId>}, sk {@code AI_AGENT#<task>}. No item:
 * the agent is on.
 */
public class AgentSettingItem extends TableItem {
    public static String pk(String organisationId) { return "ORG#" + organisationId; }
    public static String sk(AiTask task) { return "AI_AGENT#" + task.wire(); }

    private String organisationId;
    private String task;
    private Boolean enabled;
    private String updatedAt;
    private String updatedBy;

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AgentSettingItem> SCHEMA = ItemSchema.item(AgentSettingItem.class, AgentSettingItem::new)
            .text("organisationId", AgentSettingItem::getOrganisationId, AgentSettingItem::setOrganisationId)
            .text("task", AgentSettingItem::getTask, AgentSettingItem::setTask)
            .attribute(Boolean.class, "enabled", AgentSettingItem::getEnabled, AgentSettingItem::setEnabled)
            .text("updatedAt", AgentSettingItem::getUpdatedAt, AgentSettingItem::setUpdatedAt)
            .text("updatedBy", AgentSettingItem::getUpdatedBy, AgentSettingItem::setUpdatedBy)
            .build();
}
