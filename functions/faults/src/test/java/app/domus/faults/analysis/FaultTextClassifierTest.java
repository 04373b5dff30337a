package app.domus.faults.analysis;

import app.domus.shared.directory.FaultCategory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultTextClassifierTest {
    private static final FaultTextClassifier CLASSIFIER = FaultTextClassifier.trainedOnShippedSet();
    private static final List<FaultTextClassifier.Sample> HELD_OUT = FaultTextClassifier.samples("/fault-heldout.csv");

    @Test
    void theShippedSetsAreLargeEnoughAndCoverEveryCategory() {
        List<FaultTextClassifier.Sample> training = FaultTextClassifier.samples(FaultTextClassifier.TRAINING_SET);
        assertThat(training).hasSizeGreaterThanOrEqualTo(80);
        assertThat(training.stream().map(FaultTextClassifier.Sample::category).distinct()).containsExactlyInAnyOrder(FaultCategory.values());
        assertThat(HELD_OUT.stream().map(FaultTextClassifier.Sample::category).distinct()).containsExactlyInAnyOrder(FaultCategory.values());
        assertThat(HELD_OUT).extracting(FaultTextClassifier.Sample::text)
                .as("held-out texts are not training texts").doesNotContainAnyElementsOf(
                        training.stream().map(FaultTextClassifier.Sample::text).toList());
    }

    @Test
    void classifiesTheHeldOutSetWellAboveChance() {
        long right = HELD_OUT.stream().filter(s -> CLASSIFIER.classify(s.text()).category() == s.category()).count();
        Map<String, String> wrong = HELD_OUT.stream().filter(s -> CLASSIFIER.classify(s.text()).category() != s.category())
                .collect(Collectors.toMap(FaultTextClassifier.Sample::text, s -> CLASSIFIER.classify(s.text()).category().wire()));
        double accuracy = (double) right / HELD_OUT.size();
        // Eight categories: chance is 12.5 %.
        assertThat(accuracy).as("accuracy %.2f; misclassified: %s", accuracy, wrong).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void trainingTwiceGivesTheSameModel() {
        FaultTextClassifier again = FaultTextClassifier.trainedOnShippedSet();
        for (FaultTextClassifier.Sample s : HELD_OUT) {
            assertThat(again.classify(s.text())).isEqualTo(CLASSIFIER.classify(s.text()));
        }
    }

    @Test
    void aPredictionCarriesAProbabilityAndTagsFromTheText() {
        FaultTextClassifier.Prediction p = CLASSIFIER.classify("Water is leaking from the kitchen pipe and the floor is wet");

        assertThat(p.category()).isEqualTo(FaultCategory.PLUMBING);
        assertThat(p.confidence()).isBetween(0.5, 1.0);
        assertThat(p.tags()).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                .allSatisfy(tag -> assertThat("water is leaking from the kitchen pipe and the floor is wet").contains(tag));
    }

    @Test
    void textWithoutWordsIsOtherWithNoConfidence() {
        assertThat(CLASSIFIER.classify("!!! 123 ???")).isEqualTo(new FaultTextClassifier.Prediction(FaultCategory.OTHER, 0, List.of()));
    }
}
