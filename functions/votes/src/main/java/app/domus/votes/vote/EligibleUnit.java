package app.domus.votes.vote;

import app.domus.shared.persistence.ItemSchema;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A unit that votes, as it stood when the vote opened: its owners (who share its one ballot) and its weight, an
 * exact fraction ({@code 1/1} per unit, or the sum of the owners' shares).
 */
public class EligibleUnit {
    private String unitId;
    private List<String> ownerIds;
    private String weight;

    public static EligibleUnit of(String unitId, List<String> ownerIds, String weight) {
        EligibleUnit unit = new EligibleUnit();
        unit.setUnitId(unitId);
        unit.setOwnerIds(ownerIds);
        unit.setWeight(weight);
        return unit;
    }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public List<String> getOwnerIds() { return ownerIds; }
    public void setOwnerIds(List<String> ownerIds) { this.ownerIds = ownerIds; }
    public String getWeight() { return weight; }
    public void setWeight(String weight) { this.weight = weight; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<EligibleUnit> SCHEMA = ItemSchema.document(EligibleUnit.class, EligibleUnit::new)
            .text("unitId", EligibleUnit::getUnitId, EligibleUnit::setUnitId)
            .textList("ownerIds", EligibleUnit::getOwnerIds, EligibleUnit::setOwnerIds)
            .text("weight", EligibleUnit::getWeight, EligibleUnit::setWeight)
            .build();
}
