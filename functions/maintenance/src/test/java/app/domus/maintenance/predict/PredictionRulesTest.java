package app.domus.maintenance.predict;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.model.Features;
import app.domus.maintenance.model.RiskModel;
import org.junit.jupiter.api.Test;

/** The levels, a reason in words, and the documented fallback (TABLE_DESIGN.md: the rule of thumb). */
class PredictionRulesTest {
    static Features features(double lifeUsed, int faults90, int anomalies90, double sinceService) {
        return new Features(lifeUsed * 15, lifeUsed, faults90, faults90, faults90 > 0 ? 10 : Features.NEVER, anomalies90, sinceService);
    }

    @Test
    void levelsStartAtTheirThresholds() {
        assertThat(Predictions.level(Predictions.HIGH)).isEqualTo("high");
        assertThat(Predictions.level(0.5999)).isEqualTo("medium");
        assertThat(Predictions.level(Predictions.MEDIUM)).isEqualTo("medium");
        assertThat(Predictions.level(0.2999)).isEqualTo("low");
    }

    @Test
    void aReasonReadsAsItsFeatureAndValueWholeNumbersWithoutDecimals() {
        assertThat(Predictions.describe(new RiskModel.Reason("faults_90d", 3, 0.4))).isEqualTo("faults_90d = 3");
        assertThat(Predictions.describe(new RiskModel.Reason("life_used", 1.4833, 0.9))).isEqualTo("life_used = 1.48");
    }

    @Test
    void theRuleOfThumbAddsHalfTheLifeUsedAFifteenthPerFaultATenthPerAnomalyAndAFifthForAYearUnserviced() {
        Predictions.Scored s = Predictions.ruleOfThumb(features(0.6, 1, 1, 400));
        assertThat(s.risk()).isEqualTo(0.3 + 0.15 + 0.1 + 0.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.reasons()).extracting(RiskModel.Reason::feature).containsExactly("life_used", "days_since_service", "faults_90d");
        assertThat(s.reasons()).extracting(RiskModel.Reason::contribution).containsExactly(0.3, 0.2, 0.15);
        assertThat(Predictions.ruleOfThumb(features(0.2, 2, 4, 400)).reasons()).extracting(RiskModel.Reason::feature)
                .containsExactly("anomalies_90d", "faults_90d", "days_since_service");
    }

    @Test
    void aYearWithoutServiceCountsFromTheDayAfterAYear() {
        assertThat(Predictions.ruleOfThumb(features(0.2, 0, 0, 365)).risk()).isEqualTo(0.1);
        assertThat(Predictions.ruleOfThumb(features(0.2, 0, 0, 366)).risk()).isEqualTo(0.3);
    }

    @Test
    void newQuietEquipmentHasOnlyItsAgeAsAReasonAndTheRiskIsKeptToFourPlaces() {
        Predictions.Scored s = Predictions.ruleOfThumb(features(0.12345, 0, 0, 100));
        assertThat(s.reasons()).extracting(RiskModel.Reason::feature).containsExactly("life_used");
        assertThat(s.risk()).isEqualTo(0.0617);
    }

    @Test
    void lifeUsedCountsUpToOneAndAHalfAndTheRiskStopsAt95Percent() {
        assertThat(Predictions.ruleOfThumb(features(2.0, 0, 0, 100)).risk()).isEqualTo(0.75);
        assertThat(Predictions.ruleOfThumb(features(2.0, 3, 2, 900)).risk()).isEqualTo(0.95);
    }
}
