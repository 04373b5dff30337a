package app.domus.maintenance.equipment;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The context's own projection of other contexts' events about a building: a fault reported (with its category) or a
 * meter anomaly. pk {@code MAINTENANCE_SIGNALS#<buildingId>}, sk {@code <kind>#<sourceId>} (one item per
 * source event, so a redelivered event writes the same item); kept two years (ttl).
 */
public class SignalItem extends TableItem {
    public static final String FAULT = "FAULT";
    public static final String ANOMALY = "ANOMALY";

    private String kind;
    private String category;
    private String occurredAt;
    private String sourceId;

    public static String pk(String buildingId) {
        return "MAINTENANCE_SIGNALS#" + buildingId;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getSourceId() { return sourceId; }
    public void setSourceId(String sourceId) { this.sourceId = sourceId; }

    public static final TableSchema<SignalItem> SCHEMA = ItemSchema.item(SignalItem.class, SignalItem::new)
            .text("kind", SignalItem::getKind, SignalItem::setKind)
            .text("category", SignalItem::getCategory, SignalItem::setCategory)
            .text("occurredAt", SignalItem::getOccurredAt, SignalItem::setOccurredAt)
            .text("sourceId", SignalItem::getSourceId, SignalItem::setSourceId)
            .build();
}
