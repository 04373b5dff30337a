package app.domus.tenancy.units;

import app.domus.shared.directory.UnitItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Claims a unit number within a building: pk {@code BUILDING#<buildingId>}, sk {@code UNIT_NUMBER#<number>}.
 * Written with the unit in one transaction; the version attribute's "must not exist yet" condition is what
 * makes two units with the same number impossible, even when created at the same moment.
 */
public class UnitNumberItem extends TableItem {
    private String unitId;

    public static String sk(String number) { return "UNIT_NUMBER#" + UnitItem.normalisedNumber(number); }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UnitNumberItem> SCHEMA = ItemSchema.item(UnitNumberItem.class, UnitNumberItem::new)
            .text("unitId", UnitNumberItem::getUnitId, UnitNumberItem::setUnitId)
            .build();
}
