package app.domus.assistant.intent;

import app.domus.shared.directory.FaultCategory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The assistant's two classifiers, trained on first use (a cold start that only uploads documents never trains them):
 * the turn's intent ({@value #INTENTS}) and, for a reported fault, its category among the fixed fault categories
 * ({@value #FAULT_CATEGORIES}).
 */
@Singleton
public class Classifiers {
    public static final String INTENTS = "/assistant-intents.csv";
    public static final String FAULT_CATEGORIES = "/assistant-fault-categories.csv";
    public static final String MODEL = "opennlp-naive-bayes";

    private volatile TextClassifier intents;
    private volatile TextClassifier categories;

    @Inject
    public Classifiers() {}

    public Intent intent(String message) {
        if (intents == null) intents = TextClassifier.trainedOn(INTENTS);
        return Intent.valueOf(intents.classify(message, Intent.SMALL_TALK.name()).label());
    }

    public FaultCategory faultCategory(String message) {
        if (categories == null) categories = TextClassifier.trainedOn(FAULT_CATEGORIES);
        return FaultCategory.valueOf(categories.classify(message, FaultCategory.OTHER.name()).label());
    }
}
