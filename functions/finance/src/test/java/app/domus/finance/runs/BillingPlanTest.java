package app.domus.finance.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.Refusals;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan of a run without storage: weights, bounds, and what is refused. */
class BillingPlanTest {
    private final BuildingItem building = BuildingItem.of("01JBUILDING000000000000000", "01JORG000000000000000000000", "Tower", "2026-03-02T09:00:00Z");

    private UnitItem unit(int n, Double area) {
        UnitItem unit = UnitItem.of("01JUNIT" + String.format("%019d", n), building, "U" + n, "2026-03-02T09:00:00Z");
        unit.setAreaSquareMetres(area);
        return unit;
    }

    private static OwnershipItem share(UnitItem unit, Long numerator, Long denominator) {
        OwnershipItem o = new OwnershipItem();
        o.setUnitId(unit.getId());
        o.setShareNumerator(numerator);
        o.setShareDenominator(denominator);
        return o;
    }

    private static BillingRunRequests.Line line(long amount, String split) {
        return new BillingRunRequests.Line("Line", BigDecimal.valueOf(amount), BigDecimal.ZERO, split);
    }

    @Test
    void aUnitsShareIsTheReducedSumOfItsOwnersSharesAndUnknownSharesCountForNothing() {
        UnitItem a = unit(1, null);
        UnitItem b = unit(2, null);
        var shares = BillingPlan.shares(List.of(share(a, 1L, 4L), share(a, 1L, 4L), share(b, 1L, 3L), share(b, null, 3L), share(b, 1L, null),
                share(b, 1L, 0L), share(b, 1L, -2L)));
        assertThat(shares.get(a.getId())).containsExactly(BigInteger.ONE, BigInteger.TWO);
        assertThat(shares.get(b.getId())).containsExactly(BigInteger.ONE, BigInteger.valueOf(3));
        assertThat(BillingPlan.shares(List.of(share(a, 0L, 5L), share(a, 0L, 7L))).get(a.getId()))
                .as("nothing over something stays nothing").satisfies(s -> assertThat(s[0].signum()).isZero());
    }

    @Test
    void linesAreSplitByShareAndByAreaInTheUnitsOrder() {
        UnitItem a = unit(1, 54.5);
        UnitItem b = unit(2, 72.25);
        UnitItem c = unit(3, 23.25);
        List<PlannedUnit> plan = BillingPlan.of(List.of(a, b, c), List.of(line(15000, "by_area"), line(1000, "by_share"), line(10, "per_unit")),
                List.of(share(a, 1L, 2L), share(b, 1L, 4L), share(c, 1L, 4L)));
        assertThat(plan).extracting(PlannedUnit::getUnitId).containsExactly(a.getId(), b.getId(), c.getId());
        assertThat(plan).extracting(PlannedUnit::getUnitNumber).containsExactly("U1", "U2", "U3");
        // 15000 × 54.5/150 = 5450, × 72.25/150 = 7225, × 23.25/150 = 2325.
        assertThat(plan).extracting(PlannedUnit::getAmounts)
                .containsExactly(List.of(5450L, 500L, 4L), List.of(7225L, 250L, 3L), List.of(2325L, 250L, 3L));
    }

    @Test
    void aShareOfNothingAZeroAreaOrAnAreaThatIsNoNumberIsMissing() {
        UnitItem nothing = unit(1, 0.0);
        UnitItem nan = unit(2, Double.NaN);
        UnitItem infinite = unit(3, Double.POSITIVE_INFINITY);
        UnitItem fine = unit(4, 10.0);
        assertThatThrownBy(() -> BillingPlan.of(List.of(nothing, nan, infinite, fine), List.of(line(100, "by_area")), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
                    assertThat(e.extensions().get("units")).isEqualTo(List.of(
                            Map.of("unitId", nothing.getId(), "number", "U1", "missing", "area"),
                            Map.of("unitId", nan.getId(), "number", "U2", "missing", "area"),
                            Map.of("unitId", infinite.getId(), "number", "U3", "missing", "area")));
                });
        UnitItem owned = unit(5, null);
        UnitItem zeroShare = unit(6, null);
        assertThatThrownBy(() -> BillingPlan.of(List.of(owned, zeroShare), List.of(line(100, "by_share"), line(100, "by_area")),
                List.of(share(owned, 1L, 2L), share(zeroShare, 0L, 2L))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.extensions().get("units")).isEqualTo(List.of(
                        Map.of("unitId", zeroShare.getId(), "number", "U6", "missing", "share"),
                        Map.of("unitId", owned.getId(), "number", "U5", "missing", "area"),
                        Map.of("unitId", zeroShare.getId(), "number", "U6", "missing", "area"))));
    }

    @Test
    void aRunBillsOneTo500Units() {
        List<UnitItem> units = new ArrayList<>();
        for (int i = 0; i < 500; i++) units.add(unit(i, 1.0));
        assertThat(BillingPlan.of(units, List.of(line(500, "per_unit")), List.of())).hasSize(500)
                .allSatisfy(u -> assertThat(u.getAmounts()).containsExactly(1L));
        units.add(unit(500, 1.0));
        assertThatThrownBy(() -> BillingPlan.of(units, List.of(line(500, "per_unit")), List.of())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
            assertThat(e.detail()).isEqualTo("A billing run bills at most 500 units; the building has 501");
        });
        assertThatThrownBy(() -> BillingPlan.of(List.of(), List.of(line(500, "per_unit")), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("The building has no units to bill"));
    }

    private static BillingRunRequests.StartRun run(List<BillingRunRequests.Line> lines, Boolean consumption) {
        return new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, lines, consumption);
    }

    @Test
    void aTemplateHasOneTo20LinesOrNoneWhenItBillsConsumption() {
        List<BillingRunRequests.Line> twenty = new ArrayList<>(Collections.nCopies(20, line(100, "per_unit")));
        assertThat(Refusals.errors(run(twenty, null))).isEmpty();
        List<BillingRunRequests.Line> more = new ArrayList<>(twenty);
        more.add(line(100, "per_unit"));
        assertThat(Refusals.errors(run(more, null))).containsExactly("lines");
        assertThat(Refusals.errors(run(more, true))).containsExactly("lines");
        assertThat(Refusals.errors(run(List.of(), null))).containsExactly("lines");
        assertThat(Refusals.errors(run(null, false))).containsExactly("lines");
        assertThat(Refusals.errors(run(List.of(), true))).isEmpty();
        assertThat(Refusals.errors(run(null, true))).isEmpty();
        List<BillingRunRequests.Line> withNull = new ArrayList<>();
        withNull.add(line(100, "per_unit"));
        withNull.add(null);
        assertThat(Refusals.errors(run(withNull, null))).containsExactly("lines.1");
        assertThat(run(null, true).linesOrEmpty()).isEmpty();
        assertThat(run(null, null).billsConsumption()).isFalse();
        assertThat(run(null, null).currencyOrDefault()).isEqualTo("EUR");
        assertThat(new BillingRunRequests.StartRun("2026-03", "2026-03-31", "JPY", List.of()).currencyOrDefault()).isEqualTo("JPY");
    }

    @Test
    void aLinesAmountIsAWholePositiveNumberOfMinorUnitsUpToAHundredMillion() {
        assertThat(Refusals.errors(run(List.of(line(BillingRunRequests.MAX_AMOUNT, "by_area")), null))).isEmpty();
        assertThat(Refusals.errors(run(List.of(line(1, "by_share")), null))).isEmpty();
        assertThat(Refusals.errors(run(List.of(line(BillingRunRequests.MAX_AMOUNT + 1, "per_unit")), null))).containsExactly("lines.0.amount");
        assertThat(Refusals.errors(run(List.of(line(-1, "per_unit")), null))).containsExactly("lines.0.amount");
        assertThat(Refusals.errors(run(List.of(new BillingRunRequests.Line("Fee", new BigDecimal("100.00"), BigDecimal.ONE, "per_unit")), null))).isEmpty();
        assertThat(Refusals.errors(run(List.of(new BillingRunRequests.Line("Fee", new BigDecimal("100.5"), BigDecimal.ONE, "per_unit")), null)))
                .containsExactly("lines.0.amount");
        assertThat(Refusals.errors(run(List.of(new BillingRunRequests.Line("Fee", null, null, "per_unit")), null)))
                .containsExactly("lines.0.amount", "lines.0.vatRate");
        var v = new app.domus.shared.validation.Validator();
        run(List.of(new BillingRunRequests.Line("Fee", new BigDecimal("100.5"), BigDecimal.ONE, "per_unit"),
                new BillingRunRequests.Line("Fee", BigDecimal.ZERO, BigDecimal.ONE, "per_unit")), null).validate(v);
        assertThat(v.errors()).extracting(app.domus.shared.http.FieldError::message)
                .containsExactly("must be a whole number of minor units (cents for EUR)", "must be more than 0 and at most 10000000000 minor units");
    }

    @Test
    void aPeriodIsAMonthWrittenAsYearDashMonth() {
        assertThat(BillingRunRequests.month("2026-03")).isEqualTo(java.time.YearMonth.of(2026, 3));
        assertThat(BillingRunRequests.month("2026-3")).isNull();
        assertThat(BillingRunRequests.month("2026-00")).isNull();
        assertThat(BillingRunRequests.month("202603")).isNull();
        assertThat(BillingRunRequests.month(null)).isNull();
        assertThat(BillingRunRequests.Split.BY_AREA.wire()).isEqualTo("by_area");
    }
}
