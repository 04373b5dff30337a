package app.domus.faults.analysis;

import app.domus.shared.directory.FaultCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * A naive Bayes document categoriser (Apache OpenNLP) over stemmed bag-of-words features, trained from a
 * labelled CSV. Naive Bayes counts; it has no random start and no iteration order to vary, so the same
 * samples give the same model on every cold start.
 *
 * <p>Its tags are the words of the text that the training set ties to the predicted category: those whose
 * stem occurs in at least two of that category's samples, most frequent first.
 */
public final class FaultTextClassifier {
    /** The labelled samples the local provider trains on, shipped with the function. */
    public static final String TRAINING_SET = "/fault-training.csv";
    private static final int MAX_TAGS = 5;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have", "i",
            "in", "is", "it", "its", "my", "no", "not", "of", "on", "or", "our", "so", "the", "there", "this", "to",
            "too", "up", "very", "was", "we", "when", "with", "all", "again", "since", "now", "any", "into", "out");

    private final DocumentCategorizerME categoriser;
    private final Map<FaultCategory, Map<String, Integer>> stemDocumentCounts;

    private FaultTextClassifier(DocumentCategorizerME categoriser, Map<FaultCategory, Map<String, Integer>> stemDocumentCounts) {
        this.categoriser = categoriser;
        this.stemDocumentCounts = stemDocumentCounts;
    }

    /** A text with its category, as a training or evaluation sample. */
    public record Sample(FaultCategory category, String text) {}

    /** The best category, its probability, and the words that point to it. */
    public record Prediction(FaultCategory category, double confidence, List<String> tags) {}

    public static FaultTextClassifier trainedOnShippedSet() {
        return train(samples(TRAINING_SET));
    }

    public static FaultTextClassifier train(List<Sample> samples) {
        List<DocumentSample> documents = new ArrayList<>();
        Map<FaultCategory, Map<String, Integer>> counts = new EnumMap<>(FaultCategory.class);
        for (Sample s : samples) {
            String[] stems = stems(s.text());
            documents.add(new DocumentSample(s.category().name(), stems));
            Map<String, Integer> perCategory = counts.computeIfAbsent(s.category(), c -> new HashMap<>());
            for (String stem : new HashSet<>(List.of(stems))) perCategory.merge(stem, 1, Integer::sum);
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
        // The default cut-off (5) would drop most words of a small training set.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            var model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(documents), parameters,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new FaultTextClassifier(new DocumentCategorizerME(model), counts);
        } catch (IOException e) {
            throw new UncheckedIOException("The fault classifier could not be trained", e);
        }
    }

    public Prediction classify(String text) {
        String[] stems = stems(text);
        if (stems.length == 0) return new Prediction(FaultCategory.OTHER, 0, List.of());
        double[] outcomes = categoriser.categorize(stems);
        int best = 0;
        for (int i = 1; i < outcomes.length; i++) {
            if (outcomes[i] > outcomes[best]) best = i;
        }
        FaultCategory category = FaultCategory.valueOf(categoriser.getCategory(best));
        return new Prediction(category, outcomes[best], tags(text, category));
    }

    /** Reads {@code category,text} lines (a header line first); the text runs to the end of the line. */
    public static List<Sample> samples(String resource) {
        InputStream in = FaultTextClassifier.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Missing resource " + resource);
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) samples.add(sample(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    private static Sample sample(String line) {
        int comma = line.indexOf(',');
        FaultCategory category = FaultCategory.parse(line.substring(0, Math.max(comma, 0)))
                .orElseThrow(() -> new IllegalStateException("Unknown category in line: " + line));
        return new Sample(category, line.substring(comma + 1).strip());
    }

    private List<String> tags(String text, FaultCategory category) {
        Map<String, Integer> known = stemDocumentCounts.getOrDefault(category, Map.of());
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String word : words(text)) {
            Integer count = known.get(stem(word));
            if (count != null && count >= 2) found.putIfAbsent(word, count);
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TAGS).map(Map.Entry::getKey).toList();
    }

    private static String[] stems(String text) {
        return words(text).stream().map(FaultTextClassifier::stem).toArray(String[]::new);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : SimpleTokenizer.INSTANCE.tokenize(Objects.requireNonNullElse(text, ""))) {
            String word = token.toLowerCase(Locale.ROOT);
            if (word.length() > 1 && word.chars().allMatch(Character::isLetter) && !STOP_WORDS.contains(word)) words.add(word);
        }
        return words;
    }

    /** A Snowball stemmer is not thread-safe; a fresh one per word (they are cheap) keeps the classifier shareable. */
    private static String stem(String word) {
        return new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH).stem(word).toString();
    }
}
