package app.domus.votes.vote;

import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;

/** Who votes in a building: the units with recorded owners, read from the building's ownerships. */
@Singleton
public class Electorate {
    private final DomusTable table;

    @Inject
    public Electorate(DomusTable table) {
        this.table = table;
    }

    /**
     * The units that vote, by unit id: the owners of a unit share its one ballot, whose weight is the sum of
     * their shares or one per unit.
     */
    public List<EligibleUnit> snapshot(String buildingId, Weighting weighting) {
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        Map<String, BigFraction> shares = new TreeMap<>();
        for (OwnershipItem ownership : ownerships(buildingId)) {
            owners.computeIfAbsent(ownership.getUnitId(), u -> new TreeSet<>()).add(ownership.getOwnerId());
            shares.merge(ownership.getUnitId(),
                    BigFraction.of(ownership.getShareNumerator(), ownership.getShareDenominator()), BigFraction::add);
        }
        List<EligibleUnit> units = new ArrayList<>();
        owners.forEach((unitId, ownerIds) -> units.add(EligibleUnit.of(unitId, List.copyOf(ownerIds),
                Fractions.write(weighting == Weighting.SHARE ? shares.get(unitId) : BigFraction.ONE))));
        return units;
    }

    /** Everyone who owns part of the building now. */
    public List<String> currentOwners(String buildingId) {
        return ownerships(buildingId).stream().map(OwnershipItem::getOwnerId).distinct().sorted().toList();
    }

    public static BigFraction totalWeight(List<EligibleUnit> units) {
        return units.stream().map(u -> Fractions.read(u.getWeight())).reduce(BigFraction.ZERO, BigFraction::add);
    }

    private List<OwnershipItem> ownerships(String buildingId) {
        return table.allInIndex(OwnershipItem.class, TableItem.GSI2, OwnershipItem.byBuilding(buildingId));
    }
}
