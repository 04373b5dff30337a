package app.domus.meters;

import app.domus.meters.ingest.ReadingIngestion;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterService;
import app.domus.meters.ocr.OcrModule;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of the meters functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, OcrModule.class})
public interface MetersComponent {
    MeterAccess access();

    MeterService meters();

    DeviceService devices();

    IdempotencyStore idempotency();

    ReadingIngestion ingestion();

    app.domus.meters.readings.ReadingService readings();

    app.domus.meters.readings.ReadingQueries queries();

    app.domus.meters.readings.OcrReview ocrReview();

    app.domus.meters.periods.ReadingPeriods periods();

    MeterNotices notices();

    app.domus.meters.ingest.SilentDevices silentDevices();

    app.domus.meters.ingest.GatewayIngestion gateways();

    SqsClient sqs();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static MetersComponent create() {
        return DaggerMetersComponent.create();
    }
}
