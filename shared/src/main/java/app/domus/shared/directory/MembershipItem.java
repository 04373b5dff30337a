package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's role in an organisation at a scope. pk {@code USER#<userId>}, sk
 * {@code MEMBER#<orgId>#<role>#<scopeId>}; gsi1 {@code ORG#<orgId>#MEMBERS} lists an organisation's members;
 * gsi2 {@code BUILDING#<buildingId>#MEMBERS} / {@code <role>#<userId>} finds a building's staff and residents.
 */
public class MembershipItem extends TableItem {
    private String userId;
    private String organisationId;
    private String role;
    private String buildingId;
    private String unitId;
    private String createdAt;
    private java.util.List<String> skills;

    public static String pk(String userId) { return "USER#" + userId; }
    public static String skPrefix(String orgId) { return "MEMBER#" + orgId + "#"; }
    public static String byOrganisation(String orgId) { return "ORG#" + orgId + "#MEMBERS"; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#MEMBERS"; }

    public static MembershipItem of(String userId, String orgId, Role role, String buildingId, String unitId, String now) {
        MembershipItem m = new MembershipItem();
        m.setUserId(userId);
        m.setOrganisationId(orgId);
        m.setRole(role.name());
        m.setBuildingId(buildingId);
        m.setUnitId(unitId);
        m.setCreatedAt(now);
        String scopeId = unitId != null ? unitId : buildingId != null ? buildingId : orgId;
        m.setPk(pk(userId));
        m.setSk(skPrefix(orgId) + role.name() + "#" + scopeId);
        m.setGsi1pk(byOrganisation(orgId));
        m.setGsi1sk(userId + "#" + role.name() + "#" + scopeId);
        if (buildingId != null) {
            m.setGsi2pk(byBuilding(buildingId));
            m.setGsi2sk(role.name() + "#" + userId);
        }
        return m;
    }

    public Role roleValue() { return Role.valueOf(role); }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    /** A technician's trades (e.g. plumbing, electrical), matched against fault categories. */
    public java.util.List<String> getSkills() { return skills; }
    public void setSkills(java.util.List<String> skills) { this.skills = skills; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MembershipItem> SCHEMA = ItemSchema.item(MembershipItem.class, MembershipItem::new)
            .text("userId", MembershipItem::getUserId, MembershipItem::setUserId)
            .text("organisationId", MembershipItem::getOrganisationId, MembershipItem::setOrganisationId)
            .text("role", MembershipItem::getRole, MembershipItem::setRole)
            .text("buildingId", MembershipItem::getBuildingId, MembershipItem::setBuildingId)
            .text("unitId", MembershipItem::getUnitId, MembershipItem::setUnitId)
            .textList("skills", MembershipItem::getSkills, MembershipItem::setSkills)
            .text("createdAt", MembershipItem::getCreatedAt, MembershipItem::setCreatedAt)
            .build();
}
