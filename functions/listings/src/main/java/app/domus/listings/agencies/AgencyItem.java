package app.domus.listings.agencies;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** An estate agency of the listing portal: pk {@code AGENCY#<id>}, sk {@code AGENCY}. */
public class AgencyItem extends TableItem {
    public static final String SK = "AGENCY";

    private String id;
    private String name;
    private String createdBy;
    private String createdAt;

    public static String pk(String id) { return "AGENCY#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AgencyItem> SCHEMA = ItemSchema.item(AgencyItem.class, AgencyItem::new)
            .text("id", AgencyItem::getId, AgencyItem::setId)
            .text("name", AgencyItem::getName, AgencyItem::setName)
            .text("createdBy", AgencyItem::getCreatedBy, AgencyItem::setCreatedBy)
            .text("createdAt", AgencyItem::getCreatedAt, AgencyItem::setCreatedAt)
            .build();
}
