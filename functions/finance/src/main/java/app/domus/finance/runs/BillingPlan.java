package app.domus.finance.runs;

import app.domus.finance.money.Allocation;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run's template lines are shared out over a building's units, exactly ({@link Allocation}): every unit of the
 * building takes part, so each line's parts add up to its amount; a unit that cannot be invoiced (no owner) keeps its
 * part, reported as skipped, rather than passing it on to the others. The weights:
 *
 * <ul>
 *   <li>{@code per_unit}: one each;</li>
 *   <li>{@code by_share}: the unit's ownership share of the building, the sum of the shares recorded for its owners
 *       ({@code POST /units/{unitId}/ownerships}), over the sum of all the units' shares;</li>
 *   <li>{@code by_area}: the unit's {@code areaSquareMetres} over the building's total area.</li>
 * </ul>
 *
 * A split by share or by area over a building with a unit that has no share or no area is refused (422), naming the units.
 */
public final class BillingPlan {
    /** A run's plan and progress live in one item each (400 KB at most); this many units keep both well under. */
    public static final int MAX_UNITS = 500;

    private BillingPlan() {}

    /** Each unit (in the order given) with its part of each line (in the lines' order). */
    public static List<PlannedUnit> of(List<UnitItem> units, List<BillingRunRequests.Line> lines, List<OwnershipItem> ownerships) {
        if (units.isEmpty()) throw new ApiException(ProblemType.UNPROCESSABLE, "The building has no units to bill");
        if (units.size() > MAX_UNITS) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "A billing run bills at most " + MAX_UNITS + " units; the building has " + units.size());
        }
        Map<String, BigInteger[]> shares = shares(ownerships);
        Map<String, Map<String, String>> missing = new LinkedHashMap<>();
        List<long[]> parts = new ArrayList<>();
        for (BillingRunRequests.Line line : lines) {
            long amount = line.amount().longValueExact();
            switch (line.splitValue()) {
                case PER_UNIT -> parts.add(Allocation.equally(amount, units.size()));
                case BY_SHARE -> {
                    List<BigInteger[]> fractions = new ArrayList<>();
                    for (UnitItem unit : units) {
                        BigInteger[] share = shares.get(unit.getId());
                        if (share == null || share[0].signum() <= 0) missing.put(unit.getId() + "#share", missingOne(unit, "share"));
                        fractions.add(share == null ? new BigInteger[] {BigInteger.ZERO, BigInteger.ONE} : share);
                    }
                    parts.add(missing.isEmpty() ? Allocation.split(amount, Allocation.ofFractions(fractions)) : null);
                }
                case BY_AREA -> {
                    List<BigDecimal> areas = new ArrayList<>();
                    for (UnitItem unit : units) {
                        Double area = unit.getAreaSquareMetres();
                        boolean known = area != null && Double.isFinite(area) && area > 0;
                        if (!known) missing.put(unit.getId() + "#area", missingOne(unit, "area"));
                        areas.add(known ? BigDecimal.valueOf(area) : BigDecimal.ZERO);
                    }
                    parts.add(missing.isEmpty() ? Allocation.split(amount, Allocation.ofDecimals(areas)) : null);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "Some of the building's units have no ownership share or no area"
                    + " recorded, which a split by share or by area needs: record them, or split per unit", List.of(), null, Map.of("units", List.copyOf(missing.values())));
        }
        List<PlannedUnit> plan = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            List<Long> amounts = new ArrayList<>();
            for (long[] line : parts) amounts.add(line[u]);
            plan.add(PlannedUnit.of(units.get(u).getId(), units.get(u).getNumber(), amounts));
        }
        return plan;
    }

    /** Each unit's share of the building: the sum of its owners' recorded fractions, reduced. */
    static Map<String, BigInteger[]> shares(List<OwnershipItem> ownerships) {
        Map<String, BigInteger[]> shares = new HashMap<>();
        for (OwnershipItem o : ownerships) {
            if (o.getShareNumerator() == null || o.getShareDenominator() == null || o.getShareDenominator() <= 0) continue;
            BigInteger[] add = {BigInteger.valueOf(o.getShareNumerator()), BigInteger.valueOf(o.getShareDenominator())};
            shares.merge(o.getUnitId(), add, (a, b) -> reduced(a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1])));
        }
        return shares;
    }

    private static BigInteger[] reduced(BigInteger numerator, BigInteger denominator) {
        BigInteger gcd = numerator.gcd(denominator);
        return gcd.signum() == 0 ? new BigInteger[] {numerator, denominator} : new BigInteger[] {numerator.divide(gcd), denominator.divide(gcd)};
    }

    private static Map<String, String> missingOne(UnitItem unit, String what) {
        return Map.of("unitId", unit.getId(), "number", unit.getNumber(), "missing", what);
    }
}
