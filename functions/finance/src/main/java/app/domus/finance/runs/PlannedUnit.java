package app.domus.finance.runs;

import app.domus.shared.persistence.ItemSchema;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A unit in a billing run's plan: its part of each template line, in the lines' order, in minor units. */
public class PlannedUnit {
    private String unitId;
    private String unitNumber;
    private List<Long> amounts;

    public static PlannedUnit of(String unitId, String unitNumber, List<Long> amounts) {
        PlannedUnit unit = new PlannedUnit();
        unit.setUnitId(unitId);
        unit.setUnitNumber(unitNumber);
        unit.setAmounts(amounts);
        return unit;
    }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getUnitNumber() { return unitNumber; }
    public void setUnitNumber(String unitNumber) { this.unitNumber = unitNumber; }
    public List<Long> getAmounts() { return amounts; }
    public void setAmounts(List<Long> amounts) { this.amounts = amounts; }

    public static final TableSchema<PlannedUnit> SCHEMA = ItemSchema.document(PlannedUnit.class, PlannedUnit::new)
            .text("unitId", PlannedUnit::getUnitId, PlannedUnit::setUnitId)
            .text("unitNumber", PlannedUnit::getUnitNumber, PlannedUnit::setUnitNumber)
            .attribute(EnhancedType.listOf(Long.class), "amounts", PlannedUnit::getAmounts, PlannedUnit::setAmounts)
            .build();
}
