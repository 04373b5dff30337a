package app.domus.listings.agencies;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's membership of an agency: pk {@code REALTOR#<userId>}, sk {@code REALTOR} (one agency per person, held by
 * the key: a second membership's put finds this one), gsi1 {@code AGENCY#<agencyId>} / {@code REALTOR#<userId>} lists an
 * agency's realtors. Role {@code admin} (manages the agency's realtors, and lists) or {@code realtor}.
 */
public class RealtorItem extends TableItem {
    public static final String SK = "REALTOR";
    public static final String ADMIN = "admin";
    public static final String REALTOR = "realtor";

    private String userId;
    private String agencyId;
    private String role;
    private String addedBy;
    private String addedAt;

    public static String pk(String userId) { return "REALTOR#" + userId; }

    public boolean isAdmin() { return ADMIN.equals(role); }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getAddedBy() { return addedBy; }
    public void setAddedBy(String addedBy) { this.addedBy = addedBy; }
    public String getAddedAt() { return addedAt; }
    public void setAddedAt(String addedAt) { this.addedAt = addedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<RealtorItem> SCHEMA = ItemSchema.item(RealtorItem.class, RealtorItem::new)
            .text("userId", RealtorItem::getUserId, RealtorItem::setUserId)
            .text("agencyId", RealtorItem::getAgencyId, RealtorItem::setAgencyId)
            .text("role", RealtorItem::getRole, RealtorItem::setRole)
            .text("addedBy", RealtorItem::getAddedBy, RealtorItem::setAddedBy)
            .text("addedAt", RealtorItem::getAddedAt, RealtorItem::setAddedAt)
            .build();
}
