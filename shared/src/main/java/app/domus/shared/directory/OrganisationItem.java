package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** pk {@code ORG#<id>}, sk {@code PROFILE}. */
public class OrganisationItem extends TableItem {
    private String id;
    private String name;
    private String createdBy;
    private String createdAt;

    public static String pk(String id) { return "ORG#" + id; }

    public static OrganisationItem of(String id, String name, String createdBy, String now) {
        OrganisationItem org = new OrganisationItem();
        org.setPk(pk(id));
        org.setSk("PROFILE");
        org.setId(id);
        org.setName(name);
        org.setCreatedBy(createdBy);
        org.setCreatedAt(now);
        return org;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OrganisationItem> SCHEMA = ItemSchema.item(OrganisationItem.class, OrganisationItem::new)
            .text("id", OrganisationItem::getId, OrganisationItem::setId)
            .text("name", OrganisationItem::getName, OrganisationItem::setName)
            .text("createdBy", OrganisationItem::getCreatedBy, OrganisationItem::setCreatedBy)
            .text("createdAt", OrganisationItem::getCreatedAt, OrganisationItem::setCreatedAt)
            .build();
}
