package app.domus.listings.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local model against descriptions it was not trained on ({@code listing-evaluation.csv}), many of which never
 * name the label they carry ("lift", "loggia", "car park", "stove").
 */
class ListingTextModelTest {
    private static ListingTextModel model;
    private static List<ListingTextModel.Sample> evaluation;

    @BeforeAll
    static void train() {
        model = ListingTextModel.trainedOnShippedSet();
        evaluation = ListingTextModel.samples("/listing-evaluation.csv");
    }

    @Test
    void findsMostLabelsOfUnseenDescriptionsAndFewWrongOnes() {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        StringBuilder misses = new StringBuilder();
        for (ListingTextModel.Sample sample : evaluation) {
            Set<Vocabulary.Label> suggested = labels(model.suggest(sample.text()));
            Set<Vocabulary.Label> right = new HashSet<>(suggested);
            right.retainAll(sample.labels());
            truePositives += right.size();
            falsePositives += suggested.size() - right.size();
            falseNegatives += sample.labels().size() - right.size();
            if (!suggested.equals(sample.labels())) misses.append("\n").append(sample.text()).append(" -> ").append(ids(suggested));
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("listing model on %d unseen descriptions: precision %.2f, recall %.2f%s%n", evaluation.size(), precision, recall, misses);
        assertThat(precision).as("precision; misses:%s", misses).isGreaterThanOrEqualTo(0.75);
        assertThat(recall).as("recall; misses:%s", misses).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void learnsWordsThatAreNotTheLabelsName() {
        assertThat(ids(labels(model.suggest("Fourth floor, reached by lift")))).contains("feature-elevator");
        assertThat(ids(labels(model.suggest("A covered loggia for breakfast outside")))).contains("feature-balcony");
        assertThat(ids(labels(model.suggest("A space in the underground car park")))).contains("feature-parking");
    }

    @Test
    void aPlainDescriptionSuggestsLittleAndAnEmptyOneNothing() {
        assertThat(model.suggest("Two rooms with a kitchen and a bathroom on the first floor")).hasSizeLessThanOrEqualTo(1);
        assertThat(model.suggest("")).isEmpty();
        assertThat(model.suggest(null)).isEmpty();
    }

    @Test
    void aModelTrainedWithoutALabelsExamplesNeverSuggestsIt() {
        List<ListingTextModel.Sample> withoutElevators = ListingTextModel.samples(ListingTextModel.TRAINING_SET).stream()
                .filter(s -> s.labels().stream().noneMatch(l -> l.value().equals("elevator"))).toList();
        ListingTextModel blind = ListingTextModel.train(withoutElevators);
        assertThat(ids(labels(blind.suggest("Fourth floor, reached by lift")))).doesNotContain("feature-elevator");
    }

    private static Set<Vocabulary.Label> labels(List<ListingTextModel.Scored> scored) {
        return scored.stream().map(ListingTextModel.Scored::label).collect(Collectors.toSet());
    }

    private static Set<String> ids(Set<Vocabulary.Label> labels) {
        return labels.stream().map(Vocabulary.Label::id).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
