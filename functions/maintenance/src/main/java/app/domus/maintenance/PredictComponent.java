package app.domus.maintenance;

import app.domus.maintenance.predict.ModelCache;
import app.domus.maintenance.predict.Predictions;
import app.domus.shared.aws.AwsModule;
import dagger.Component;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of the prediction function (its own zip: XGBoost, no S3 client). */
@Singleton
@Component(modules = {AwsModule.class, MaintenanceModule.class})
public interface PredictComponent {
    SqsClient sqs();

    Predictions predictions();

    ModelCache models();

    static PredictComponent create() {
        return DaggerPredictComponent.create();
    }
}
