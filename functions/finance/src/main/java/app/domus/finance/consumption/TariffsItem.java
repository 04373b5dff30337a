package app.domus.finance.consumption;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A building's tariffs, one per meter type: pk {@code BUILDING#<buildingId>}, sk {@code TARIFFS}; replaced as a whole. */
public class TariffsItem extends TableItem {
    public static final String SK = "TARIFFS";

    private String buildingId;
    private List<Tariff> tariffs;
    private String updatedBy;
    private String updatedAt;

    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public List<Tariff> getTariffs() { return tariffs; }
    public void setTariffs(List<Tariff> tariffs) { this.tariffs = tariffs; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<TariffsItem> SCHEMA = ItemSchema.item(TariffsItem.class, TariffsItem::new)
            .text("buildingId", TariffsItem::getBuildingId, TariffsItem::setBuildingId)
            .documents("tariffs", Tariff.class, Tariff.SCHEMA, TariffsItem::getTariffs, TariffsItem::setTariffs)
            .text("updatedBy", TariffsItem::getUpdatedBy, TariffsItem::setUpdatedBy)
            .text("updatedAt", TariffsItem::getUpdatedAt, TariffsItem::setUpdatedAt)
            .build();
}
