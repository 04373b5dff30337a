package app.domus.assistant.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier's inputs: the words it counts, the labelled samples it reads, a text without words. */
class TextClassifierTest {
    @Test
    void onlyWordsOfTwoLettersOrMoreThatAreNotStopWordsAreCountedStemmed() {
        assertThat(TextClassifier.stems("The x LEAKING taps, 42 of my flat's q")).containsExactly("leak", "tap", "flat");
        assertThat(TextClassifier.stems("go up")).containsExactly("go", "up");
        assertThat(TextClassifier.stems(null)).isEmpty();
    }

    @Test
    void samplesAreReadAsUpperCaseLabelsAndTheTextAfterTheFirstComma() {
        assertThat(TextClassifier.samples("/app/domus/assistant/samples-small.csv")).containsExactly(
                new TextClassifier.Sample("QUESTION", "Where is the gym?"),
                new TextClassifier.Sample("REPORT_FAULT", "The tap, in the kitchen, drips"));
    }

    @Test
    void aSampleWithoutALabelOrAMissingFileIsRefused() {
        assertThatThrownBy(() -> TextClassifier.samples("/app/domus/assistant/samples-unlabelled.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No label in line: ,no label here");
        assertThatThrownBy(() -> TextClassifier.samples("/app/domus/assistant/none.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Missing resource");
    }

    @Test
    void aTextWithoutAWordGetsTheFallbackWithNoConfidence() {
        TextClassifier classifier = TextClassifier.train(List.of(
                new TextClassifier.Sample("QUESTION", "Where is the gym?"), new TextClassifier.Sample("REPORT_FAULT", "The tap drips")));
        assertThat(classifier.classify("?! 42 :)", "SMALL_TALK")).isEqualTo(new TextClassifier.Prediction("SMALL_TALK", 0));
        TextClassifier.Prediction tap = classifier.classify("my tap drips", "SMALL_TALK");
        assertThat(tap.label()).isEqualTo("REPORT_FAULT");
        assertThat(tap.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(new Classifiers().intent("?!")).isEqualTo(Intent.SMALL_TALK);
    }
}
