package app.domus.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.intent.Classifiers;
import app.domus.assistant.intent.TextClassifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The intent classifier on 50 labelled messages it was not trained on (10 per intent, none of them in the training
 * set): its accuracy, and each intent's recall, must stay above their floors.
 */
class IntentClassifierQualityTest {
    static final String HELD_OUT = "/app/domus/assistant/intents-held-out.csv";

    @Test
    void classifiesHeldOutMessagesAboveTheFloor() {
        TextClassifier classifier = TextClassifier.trainedOn(Classifiers.INTENTS);
        List<TextClassifier.Sample> heldOut = TextClassifier.samples(HELD_OUT);
        List<String> training = TextClassifier.samples(Classifiers.INTENTS).stream().map(s -> s.text().toLowerCase()).toList();
        assertThat(heldOut).hasSize(50).noneMatch(s -> training.contains(s.text().toLowerCase()));

        int right = 0;
        Map<String, int[]> perIntent = new TreeMap<>();
        for (TextClassifier.Sample s : heldOut) {
            boolean ok = classifier.classify(s.text(), "SMALL_TALK").label().equals(s.label());
            if (ok) right++;
            int[] counts = perIntent.computeIfAbsent(s.label(), l -> new int[2]);
            counts[0] += ok ? 1 : 0;
            counts[1]++;
        }
        double accuracy = right / (double) heldOut.size();
        StringBuilder report = new StringBuilder("accuracy " + accuracy);
        perIntent.forEach((label, c) -> report.append(", ").append(label).append(' ').append(c[0]).append('/').append(c[1]));
        System.out.println("Intent classifier on the held-out set: " + report);
        assertThat(accuracy).as(report.toString()).isGreaterThanOrEqualTo(0.85);
        perIntent.forEach((label, c) -> assertThat(c[0] / (double) c[1]).as(label + ": " + report).isGreaterThanOrEqualTo(0.7));
    }

    @Test
    void aLeakyFaucetIsAPlumbingFaultReport() {
        Classifiers classifiers = new Classifiers();
        assertThat(classifiers.intent("leaky faucet in the bathroom").name()).isEqualTo("REPORT_FAULT");
        assertThat(classifiers.faultCategory("leaky faucet in the bathroom").name()).isEqualTo("PLUMBING");
    }
}
