package app.domus.maintenance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The synthetic history's promises (its class comment and TABLE_DESIGN.md): the distributions it draws from, and a
 * failure hazard that grows with each feature it names. The expectations are the stated distributions' means, with
 * room for the sampling error of a few thousand draws.
 */
class SyntheticHistoryTest {
    static final int N = 4000;
    static final List<Example> HISTORY = new SyntheticHistory(Training.SEED).examples(N);

    /** New, never faulted, serviced 100 days ago, no anomalies: the base every hazard check varies one feature of. */
    static Features base() {
        return new Features(3, 0.2, 0, 0, Features.NEVER, 0, 100);
    }

    static double hazard(Features f) {
        return SyntheticHistory.hazard(EquipmentType.BOILER, f);
    }

    static Features with(double lifeUsed, int faults90, int faults365, double sinceFault, int anomalies, double sinceService) {
        return new Features(lifeUsed * 15, lifeUsed, faults90, faults365, sinceFault, anomalies, sinceService);
    }

    static double mean(List<Example> examples, ToDoubleFunction<Features> value) {
        return examples.stream().mapToDouble(e -> value.applyAsDouble(e.features())).average().orElseThrow();
    }

    static List<Example> where(Predicate<Features> condition) {
        return HISTORY.stream().filter(e -> condition.test(e.features())).toList();
    }

    @Test
    void itHasAsManyExamplesAsAskedOfEveryTypeAlike() {
        assertThat(new SyntheticHistory(1).examples(0)).isEmpty();
        assertThat(new SyntheticHistory(1).examples(7)).hasSize(7);
        assertThat(HISTORY).hasSize(N);
        for (EquipmentType type : EquipmentType.values()) {
            assertThat(HISTORY.stream().filter(e -> e.type() == type).count() / (double) N).as("%s", type).isCloseTo(0.2, within(0.03));
        }
    }

    @Test
    void agesSpreadUpToOneAndAHalfLivesAndLifeUsedIsTheAgeOverTheTypesLife() {
        assertThat(HISTORY).allSatisfy(e -> {
            Features f = e.features();
            assertThat(f.ageYears()).isBetween(0.0, 1.6 * e.type().lifeYears());
            assertThat(f.lifeUsed()).isCloseTo(f.ageYears() / e.type().lifeYears(), within(0.01));
        });
        assertThat(mean(HISTORY, Features::lifeUsed)).isCloseTo(0.8, within(0.03));
        assertThat(HISTORY.stream().mapToDouble(e -> e.features().lifeUsed()).max().orElseThrow()).isGreaterThan(1.55);
    }

    @Test
    void everyFeatureIsRoundedToHundredths() {
        assertThat(HISTORY).allSatisfy(e -> {
            Features f = e.features();
            for (double v : new double[] {f.ageYears(), f.lifeUsed(), f.daysSinceLastFault(), f.daysSinceService()}) {
                assertThat(v * 100).isCloseTo(Math.rint(v * 100), within(1e-6));
            }
        });
        assertThat(HISTORY.stream().filter(e -> e.features().ageYears() != Math.rint(e.features().ageYears())).count())
                .as("ages keep their hundredths").isGreaterThan(N / 2);
    }

    @Test
    void olderEquipmentHasMoreFaultsAtTheStatedRate() {
        // Rate 0.4 + 1.6 × life used² (+2 in the 15 % of rough buildings), life used uniform on [0, 1.6]: 0.7 + 1.6 × 1.6² / 3.
        assertThat(mean(HISTORY, Features::faults365d)).isCloseTo(0.7 + 1.6 * 1.6 * 1.6 / 3, within(0.15));
        double young = mean(where(f -> f.lifeUsed() < 0.4), Features::faults365d);
        double old = mean(where(f -> f.lifeUsed() > 1.2), Features::faults365d);
        assertThat(young).isCloseTo(0.7 + 1.6 * 0.4 * 0.4 / 3, within(0.2));
        assertThat(old).isGreaterThan(young + 2);
    }

    @Test
    void aYearsFaultsFallEvenlyOverItSoAQuarterAreRecentAndTheLastOneDatesThem() {
        int recent = HISTORY.stream().mapToInt(e -> e.features().faults90d()).sum();
        int year = HISTORY.stream().mapToInt(e -> e.features().faults365d()).sum();
        assertThat(recent / (double) year).isCloseTo(90 / 365.0, within(0.03));
        assertThat(HISTORY).allSatisfy(e -> {
            Features f = e.features();
            assertThat(f.faults90d()).isBetween(0, f.faults365d());
            if (f.faults365d() == 0) assertThat(f.daysSinceLastFault()).isEqualTo(Features.NEVER);
            else assertThat(f.daysSinceLastFault()).isBetween(0.0, 365.0);
            if (f.faults90d() > 0) assertThat(f.daysSinceLastFault()).isLessThanOrEqualTo(90.0);
            else if (f.faults365d() > 0) assertThat(f.daysSinceLastFault()).isGreaterThanOrEqualTo(90.0);
        });
    }

    @Test
    void anomaliesComeAtTheStatedRate() {
        // 0.3, and 2.5 more in a fifth of the buildings.
        assertThat(mean(HISTORY, Features::anomalies90d)).isCloseTo(0.3 + 0.2 * 2.5, within(0.1));
        assertThat(HISTORY).allSatisfy(e -> assertThat(e.features().anomalies90d()).isNotNegative());
    }

    @Test
    void aTenthWasNeverServicedTheRestWithinTheLast900DaysAndNoneBeforeItWasInstalled() {
        assertThat(HISTORY).allSatisfy(e -> assertThat(e.features().daysSinceService())
                .isLessThanOrEqualTo((e.features().ageYears() + 0.005) * 365 + 0.01));
        List<Example> tenYears = where(f -> f.ageYears() >= 10.01);
        assertThat(tenYears.size()).isGreaterThan(N / 3);
        assertThat(tenYears.stream().filter(e -> e.features().daysSinceService() == Features.NEVER).count() / (double) tenYears.size())
                .isCloseTo(0.1, within(0.03));
        List<Example> serviced = where(f -> f.ageYears() >= 2.6 && f.daysSinceService() < 900);
        assertThat(serviced.size() / (double) where(f -> f.ageYears() >= 2.6).size()).isCloseTo(0.9, within(0.03));
        assertThat(mean(serviced, Features::daysSinceService)).isCloseTo(450.0, within(25.0));
    }

    @Test
    void failuresAreDrawnFromTheHazardSoTheOlderAndMoreFaultyFailMore() {
        double failed = HISTORY.stream().filter(Example::failed).count() / (double) N;
        double expected = HISTORY.stream().mapToDouble(e -> SyntheticHistory.hazard(e.type(), e.features())).average().orElseThrow();
        assertThat(failed).isCloseTo(expected, within(0.03));
        double youngFail = where(f -> f.lifeUsed() < 0.5).stream().filter(Example::failed).count() / (double) where(f -> f.lifeUsed() < 0.5).size();
        double oldFail = where(f -> f.lifeUsed() > 1.2).stream().filter(Example::failed).count() / (double) where(f -> f.lifeUsed() > 1.2).size();
        assertThat(oldFail).isGreaterThan(youngFail + 0.3);
    }

    @Test
    void theHazardIsAProbabilityLowForNewQuietEquipmentAndHighForWornFaultyEquipment() {
        assertThat(hazard(base())).isStrictlyBetween(0.0, 0.05);
        assertThat(hazard(with(2.0, 4, 8, 3, 5, 1000))).isStrictlyBetween(0.9, 1.0);
    }

    @Test
    void theHazardGrowsWithLifeUsedRecentAndFrequentFaultsAnomaliesAndTimeSinceService() {
        assertThat(hazard(with(1.2, 0, 0, Features.NEVER, 0, 100))).isGreaterThan(hazard(with(0.6, 0, 0, Features.NEVER, 0, 100)));
        assertThat(hazard(with(0.6, 0, 0, Features.NEVER, 0, 100))).isGreaterThan(hazard(with(0.3, 0, 0, Features.NEVER, 0, 100)));

        // A fault last week weighs far more than one long ago, and one long ago barely more than none.
        double lastWeek = hazard(with(0.2, 0, 0, 6, 0, 100));
        double longAgo = hazard(with(0.2, 0, 0, 300, 0, 100));
        assertThat(lastWeek).isGreaterThan(2 * hazard(base()));
        assertThat(lastWeek).isGreaterThan(hazard(with(0.2, 0, 0, 60, 0, 100)));
        assertThat(hazard(with(0.2, 0, 0, 60, 0, 100))).isGreaterThan(longAgo);
        assertThat(longAgo).isGreaterThan(hazard(base())).isLessThan(1.01 * hazard(base()));

        assertThat(hazard(with(0.2, 2, 2, Features.NEVER, 0, 100))).isGreaterThan(hazard(with(0.2, 1, 2, Features.NEVER, 0, 100)));
        assertThat(hazard(with(0.2, 1, 2, Features.NEVER, 0, 100))).isGreaterThan(hazard(with(0.2, 0, 2, Features.NEVER, 0, 100)));
        assertThat(hazard(with(0.2, 0, 4, Features.NEVER, 0, 100))).isGreaterThan(hazard(with(0.2, 0, 2, Features.NEVER, 0, 100)));
        assertThat(hazard(with(0.2, 0, 2, Features.NEVER, 0, 100))).isGreaterThan(hazard(base()));

        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 3, 100))).isGreaterThan(hazard(with(0.2, 0, 0, Features.NEVER, 1, 100)));
        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 1, 100))).isGreaterThan(hazard(base()));

        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 0, 900))).isGreaterThan(hazard(with(0.2, 0, 0, Features.NEVER, 0, 500)));
        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 0, 500))).isGreaterThan(hazard(base()));
    }

    @Test
    void anomaliesCountUpToFiveAndServiceUpToAThousandDays() {
        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 8, 100))).isEqualTo(hazard(with(0.2, 0, 0, Features.NEVER, 5, 100)))
                .isGreaterThan(hazard(with(0.2, 0, 0, Features.NEVER, 4, 100)));
        assertThat(hazard(with(0.2, 0, 0, Features.NEVER, 0, Features.NEVER))).isEqualTo(hazard(with(0.2, 0, 0, Features.NEVER, 0, 1000)))
                .isGreaterThan(hazard(with(0.2, 0, 0, Features.NEVER, 0, 999)));
    }
}
