package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A single-use code that grants a role on registration. pk {@code INVITATION#<code>}, sk {@code INVITATION};
 * gsi1 {@code ORG#<orgId>#INVITATIONS} lists an organisation's invitations. {@code status} goes OPEN → USED
 * in the same transaction that creates the user, which is what makes a code single-use under races.
 */
public class InvitationItem extends TableItem {
    public static final String OPEN = "OPEN";
    public static final String USED = "USED";

    private String code;
    private String organisationId;
    private String role;
    private String buildingId;
    private String unitId;
    private String email;
    private String status;
    private String expiresAt;
    private String createdBy;
    private String createdAt;
    private String usedBy;

    public static String pk(String code) { return "INVITATION#" + code; }
    public static final String SK = "INVITATION";
    public static String byOrganisation(String orgId) { return "ORG#" + orgId + "#INVITATIONS"; }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUsedBy() { return usedBy; }
    public void setUsedBy(String usedBy) { this.usedBy = usedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InvitationItem> SCHEMA = ItemSchema.item(InvitationItem.class, InvitationItem::new)
            .text("code", InvitationItem::getCode, InvitationItem::setCode)
            .text("organisationId", InvitationItem::getOrganisationId, InvitationItem::setOrganisationId)
            .text("role", InvitationItem::getRole, InvitationItem::setRole)
            .text("buildingId", InvitationItem::getBuildingId, InvitationItem::setBuildingId)
            .text("unitId", InvitationItem::getUnitId, InvitationItem::setUnitId)
            .text("email", InvitationItem::getEmail, InvitationItem::setEmail)
            .text("status", InvitationItem::getStatus, InvitationItem::setStatus)
            .text("expiresAt", InvitationItem::getExpiresAt, InvitationItem::setExpiresAt)
            .text("createdBy", InvitationItem::getCreatedBy, InvitationItem::setCreatedBy)
            .text("createdAt", InvitationItem::getCreatedAt, InvitationItem::setCreatedAt)
            .text("usedBy", InvitationItem::getUsedBy, InvitationItem::setUsedBy)
            .build();
}
