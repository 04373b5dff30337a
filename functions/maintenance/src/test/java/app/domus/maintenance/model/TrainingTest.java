package app.domus.maintenance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Training as its tests run it: in the test itself (a class-level model would hide what training does from each test). */
class TrainingTest {
    static final Features WORN = new Features(22, 22.0 / 15, 3, 6, 10, 2, 800);
    static final Features FRESH = new Features(2, 2.0 / 15, 0, 0, Features.NEVER, 0, 60);

    @Test
    void aModelLearnsFromTheLabelsSoEvenASmallHistoryRanksFailuresFirst() {
        RiskModel small = RiskModel.train(new SyntheticHistory(11).examples(800), "small");
        assertThat(small.auc(new SyntheticHistory(12).examples(600))).isGreaterThan(0.75);
        List<RiskModel.Prediction> p = small.predict(List.of(WORN, FRESH));
        assertThat(p.get(0).risk()).isGreaterThan(p.get(1).risk());
    }

    @Test
    void thePlatformsHistoryJoinsTheSyntheticOneAndTheVersionSaysHowMuchOfIt() {
        List<Example> platform = List.of(new Example(EquipmentType.BOILER, WORN, true), new Example(EquipmentType.LIFT, FRESH, false),
                new Example(EquipmentType.PUMP, FRESH, false));
        Training.Trained trained = Training.train(platform);
        assertThat(trained.model().version()).isEqualTo("gbt-s" + Training.SEED + "-n" + Training.SYNTHETIC + "-p3");
        assertThat(trained.heldOutAuc()).isGreaterThan(0.75).isLessThan(1.0);
        List<RiskModel.Prediction> p = trained.model().predict(List.of(WORN, FRESH));
        assertThat(p.get(0).risk()).isGreaterThan(p.get(1).risk());
    }

    @Test
    void aPredictionsReasonsAreOnlyTheFeaturesThatRaisedTheRisk() {
        RiskModel.Prediction p = new RiskModel.Prediction(0.4, List.of(new RiskModel.Reason("life_used", 1.2, 0.8),
                new RiskModel.Reason("faults_90d", 2, 0.3), new RiskModel.Reason("anomalies_90d", 0, 0.0),
                new RiskModel.Reason("days_since_service", 40, -0.5)));
        assertThat(p.top(3)).extracting(RiskModel.Reason::feature).containsExactly("life_used", "faults_90d");
        assertThat(p.top(1)).extracting(RiskModel.Reason::feature).containsExactly("life_used");
    }
}
