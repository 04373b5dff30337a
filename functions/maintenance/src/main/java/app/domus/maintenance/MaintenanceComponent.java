package app.domus.maintenance;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.predict.PredictionRequests;
import app.domus.maintenance.predict.Predictions;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of the maintenance functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, MaintenanceModule.class, ModelsModule.class})
public interface MaintenanceComponent {
    IdempotencyStore idempotency();

    SqsClient sqs();

    app.domus.shared.persistence.DomusTable table();

    software.amazon.awssdk.services.s3.S3Client s3();

    Equipment equipment();

    Signals signals();

    PredictionRequests requests();

    Predictions predictions();

    app.domus.maintenance.predict.S3ModelStore models();

    static MaintenanceComponent create() {
        return DaggerMaintenanceComponent.create();
    }
}
