package app.domus.faults.triage;

import app.domus.faults.analysis.AnalysisModule;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * Wiring of the triage function: the fault analysis (Bedrock and Rekognition, or the local classifier) and no S3 client
 * (Rekognition reads a photo by its S3 reference). It ships in its own zip, {@code faults-triage-lambda.zip}.
 */
@Singleton
@Component(modules = {AwsModule.class, AnalysisModule.class})
public interface TriageComponent {
    Triage triage();

    IdempotencyStore idempotency();

    /** The one way to build the wiring: once per cold start, in the handler's public constructor. */
    static TriageComponent create() {
        return DaggerTriageComponent.create();
    }
}
