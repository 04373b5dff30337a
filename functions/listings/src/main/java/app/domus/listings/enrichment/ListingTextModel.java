package app.domus.listings.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The local model that reads a listing's description: one naive Bayes classifier (Apache OpenNLP) per label of the
 * {@link Vocabulary}, each deciding "has it" or "has it not" from stemmed words and word pairs, trained from labelled
 * descriptions shipped with the function. A label is suggested when its classifier gives it at least
 * {@link #THRESHOLD}. It learns which words go with a label ("lift" with elevator, "loggia" with balcony), not a list of
 * the labels' own names: the tests hold it to descriptions it was not trained on.
 */
public final class ListingTextModel {
    public static final String TRAINING_SET = "/listing-training.csv";
    static final double THRESHOLD = 0.5;
    private static final String HAS = "has";
    private static final String HAS_NOT = "has-not";
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has",
            "in", "is", "it", "its", "of", "on", "or", "the", "this", "to", "with", "all", "into", "you", "your", "every", "there");

    private final Map<Vocabulary.Label, DocumentCategorizerME> classifiers;

    private ListingTextModel(Map<Vocabulary.Label, DocumentCategorizerME> classifiers) {
        this.classifiers = classifiers;
    }

    /** A description with the labels a person gave it. */
    public record Sample(Set<Vocabulary.Label> labels, String text) {}

    /** A label and the probability the model gives it. */
    public record Scored(Vocabulary.Label label, double confidence) {}

    public static ListingTextModel trainedOnShippedSet() {
        return train(samples(TRAINING_SET));
    }

    public static ListingTextModel train(List<Sample> samples) {
        List<String[]> features = samples.stream().map(s -> features(s.text())).toList();
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
        // The default cut-off (5) would drop most words of a small training set.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        Map<Vocabulary.Label, DocumentCategorizerME> classifiers = new LinkedHashMap<>();
        for (Vocabulary.Kind kind : Vocabulary.Kind.values()) {
            for (String value : Vocabulary.valuesOf(kind)) {
                Vocabulary.Label label = new Vocabulary.Label(kind, value);
                List<DocumentSample> documents = new ArrayList<>();
                for (int i = 0; i < samples.size(); i++) {
                    documents.add(new DocumentSample(samples.get(i).labels().contains(label) ? HAS : HAS_NOT, features.get(i)));
                }
                if (documents.stream().noneMatch(d -> HAS.equals(d.getCategory()))) continue;
                try {
                    // Features are computed here (stems and stem pairs), so the factory passes tokens through as they are.
                    var model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(documents), parameters,
                            new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
                    classifiers.put(label, new DocumentCategorizerME(model));
                } catch (IOException e) {
                    throw new UncheckedIOException("The listing model could not be trained for " + label.id(), e);
                }
            }
        }
        return new ListingTextModel(classifiers);
    }

    /** The labels the description suggests, most likely first. */
    public List<Scored> suggest(String description) {
        String[] features = features(description);
        if (features.length == 0) return List.of();
        List<Scored> suggested = new ArrayList<>();
        classifiers.forEach((label, classifier) -> {
            double[] outcomes = classifier.categorize(features);
            double has = outcomes[classifier.getIndex(HAS)];
            if (has >= THRESHOLD) suggested.add(new Scored(label, has));
        });
        suggested.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        return suggested;
    }

    /** Reads {@code labels,text} lines after a header: labels are values of the vocabulary joined by {@code |}, or {@code -}. */
    public static List<Sample> samples(String resource) {
        InputStream in = ListingTextModel.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Missing resource " + resource);
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String read = reader.readLine(); read != null; read = reader.readLine()) {
                String line = read;
                if (line.isBlank()) continue;
                int comma = line.indexOf(',');
                if (comma < 0) throw new IllegalStateException("No text in line: " + line);
                Set<Vocabulary.Label> labels = new java.util.HashSet<>();
                for (String value : line.substring(0, comma).split("\\|")) {
                    if (value.equals("-")) continue;
                    labels.add(Vocabulary.named(value).orElseThrow(() -> new IllegalStateException("Unknown label in line: " + line)));
                }
                samples.add(new Sample(Set.copyOf(labels), line.substring(comma + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    /** Stems of the words and of each pair of neighbouring words ("underfloor heating", "car park"). */
    static String[] features(String text) {
        List<String> stems = new ArrayList<>();
        for (String token : SimpleTokenizer.INSTANCE.tokenize(text == null ? "" : text)) {
            String word = token.toLowerCase(Locale.ROOT);
            if (word.length() < 2 || !word.chars().allMatch(Character::isLetter) || STOP_WORDS.contains(word)) continue;
            // A Snowball stemmer is not thread-safe; a fresh one per word (they are cheap) keeps the model shareable.
            stems.add(new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH).stem(word).toString());
        }
        List<String> features = new ArrayList<>(stems);
        for (int i = 1; i < stems.size(); i++) features.add(stems.get(i - 1) + "_" + stems.get(i));
        return features.toArray(String[]::new);
    }
}
