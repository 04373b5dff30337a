package app.domus.faults.analysis;

import app.domus.faults.FaultItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The local AI provider: a text classifier trained on the shipped samples at cold start; photos are not read. */
@Singleton
public class LocalFaultAnalyser implements FaultAnalyser {
    private final FaultTextClassifier classifier;

    @Inject
    public LocalFaultAnalyser() {
        this(FaultTextClassifier.trainedOnShippedSet());
    }

    LocalFaultAnalyser(FaultTextClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Analysis analyse(FaultItem fault) {
        var prediction = classifier.classify(fault.getTitle() + ". " + fault.getDescription());
        boolean photos = fault.getPhotoKeys() != null && !fault.getPhotoKeys().isEmpty();
        return new Analysis(prediction.category(), prediction.confidence(), prediction.tags(),
                photos ? Analysis.SKIPPED : Analysis.NO_PHOTOS);
    }
}
