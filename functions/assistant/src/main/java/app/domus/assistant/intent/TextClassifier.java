package app.domus.assistant.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * A naive Bayes document categoriser (Apache OpenNLP) over stemmed bag-of-words features, trained at cold start from a
 * labelled CSV shipped with the function ({@code label,text}, a header line first). Naive Bayes counts: the same samples
 * give the same model on every cold start. The assistant trains two: the turn's intent, and a reported fault's category.
 */
public final class TextClassifier {
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "i", "in",
            "is", "it", "its", "my", "of", "on", "or", "our", "so", "the", "this", "to", "too", "was", "we", "with");

    private final DocumentCategorizerME categoriser;

    private TextClassifier(DocumentCategorizerME categoriser) {
        this.categoriser = categoriser;
    }

    /** A text with its label, as a training or evaluation sample. */
    public record Sample(String label, String text) {}

    /** The best label and its probability. */
    public record Prediction(String label, double confidence) {}

    public static TextClassifier trainedOn(String resource) {
        return train(samples(resource));
    }

    public static TextClassifier train(List<Sample> samples) {
        List<DocumentSample> documents = new ArrayList<>();
        for (Sample s : samples) documents.add(new DocumentSample(s.label(), stems(s.text())));
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
        // The default cut-off (5) would drop most words of a small training set.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            var model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(documents), parameters,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new TextClassifier(new DocumentCategorizerME(model));
        } catch (IOException e) {
            throw new UncheckedIOException("The classifier could not be trained", e);
        }
    }

    /** The most probable label; {@code fallback} for a text without a single word. */
    public Prediction classify(String text, String fallback) {
        String[] stems = stems(text);
        if (stems.length == 0) return new Prediction(fallback, 0);
        double[] outcomes;
        synchronized (categoriser) { // DocumentCategorizerME keeps per-call state
            outcomes = categoriser.categorize(stems);
        }
        int best = 0;
        for (int i = 1; i < outcomes.length; i++) if (outcomes[i] > outcomes[best]) best = i;
        return new Prediction(categoriser.getCategory(best), outcomes[best]);
    }

    public static List<Sample> samples(String resource) {
        InputStream in = TextClassifier.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Missing resource " + resource);
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) continue;
                int comma = line.indexOf(',');
                if (comma <= 0) throw new IllegalStateException("No label in line: " + line);
                samples.add(new Sample(line.substring(0, comma).strip().toUpperCase(Locale.ROOT), line.substring(comma + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    static String[] stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String token : SimpleTokenizer.INSTANCE.tokenize(Objects.requireNonNullElse(text, ""))) {
            String word = token.toLowerCase(Locale.ROOT);
            if (word.length() > 1 && word.chars().allMatch(Character::isLetter) && !STOP_WORDS.contains(word)) {
                stems.add(new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH).stem(word).toString());
            }
        }
        return stems.toArray(String[]::new);
    }
}
