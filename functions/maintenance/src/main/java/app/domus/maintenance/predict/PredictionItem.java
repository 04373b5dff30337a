package app.domus.maintenance.predict;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A piece of equipment's failure risk on one day: pk {@code EQUIPMENT#<equipmentId>}, sk {@code PREDICTION#<day>} (a
 * second run the same day replaces it); gsi1 {@code BUILDING_PREDICTIONS#<buildingId>} / {@code <day>#<equipmentId>}.
 * {@code risk} is the chance of a failure within 90 days (a decimal text, 4 places), {@code level} low/medium/high,
 * {@code reasons} the top features that raised it (JSON: feature, value, contribution in log-odds), {@code source}
 * {@code model} or {@code fallback} (the AI gateway's agent off or failed), {@code modelVersion} the model file's.
 */
public class PredictionItem extends TableItem {
    private String equipmentId;
    private String organisationId;
    private String buildingId;
    private String day;
    private String risk;
    private String level;
    private String reasons;
    private String source;
    private String modelVersion;
    private String predictedAt;

    public static String sk(String day) {
        return "PREDICTION#" + day;
    }

    public static String ofBuilding(String buildingId) {
        return "BUILDING_PREDICTIONS#" + buildingId;
    }

    public String getEquipmentId() { return equipmentId; }
    public void setEquipmentId(String equipmentId) { this.equipmentId = equipmentId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public String getRisk() { return risk; }
    public void setRisk(String risk) { this.risk = risk; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getReasons() { return reasons; }
    public void setReasons(String reasons) { this.reasons = reasons; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getModelVersion() { return modelVersion; }
    public void setModelVersion(String modelVersion) { this.modelVersion = modelVersion; }
    public String getPredictedAt() { return predictedAt; }
    public void setPredictedAt(String predictedAt) { this.predictedAt = predictedAt; }

    public static final TableSchema<PredictionItem> SCHEMA = ItemSchema.item(PredictionItem.class, PredictionItem::new)
            .text("equipmentId", PredictionItem::getEquipmentId, PredictionItem::setEquipmentId)
            .text("organisationId", PredictionItem::getOrganisationId, PredictionItem::setOrganisationId)
            .text("buildingId", PredictionItem::getBuildingId, PredictionItem::setBuildingId)
            .text("day", PredictionItem::getDay, PredictionItem::setDay)
            .text("risk", PredictionItem::getRisk, PredictionItem::setRisk)
            .text("level", PredictionItem::getLevel, PredictionItem::setLevel)
            .text("reasons", PredictionItem::getReasons, PredictionItem::setReasons)
            .text("source", PredictionItem::getSource, PredictionItem::setSource)
            .text("modelVersion", PredictionItem::getModelVersion, PredictionItem::setModelVersion)
            .text("predictedAt", PredictionItem::getPredictedAt, PredictionItem::setPredictedAt)
            .build();
}
