package app.domus.local;

import app.domus.local.aws.AwsSdkSettings;
import app.domus.local.dynamodb.DynamoDbEmulator;
import app.domus.local.iot.DeviceAuthorizer;
import app.domus.local.iot.IotRules;
import app.domus.local.iot.MqttBroker;
import app.domus.local.s3.S3Emulator;
import app.domus.local.s3.S3Notifications;
import app.domus.local.sqs.SqsEmulator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded third-party emulators, started side by side because each spends its start-up loading classes, and
 * stopped side by side because the broker's Netty waits out a quiet period.
 */
record Emulators(DynamoDbEmulator dynamoDb, SqsEmulator sqs, S3Emulator s3, MqttBroker mqtt) implements AutoCloseable {

    static Emulators start(DataDirectory data, LocalEndpoints endpoints, String region, AwsSdkSettings sdk,
                           S3Notifications s3Notifications, IotRules iotRules, app.domus.local.faults.FaultInjector faults,
                           Optional<DeviceAuthorizer> deviceAuthorizer) throws Exception {
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DynamoDbEmulator> dynamoDb = starting.submit(() -> StartupTrace.timed("dynamodb", () -> DynamoDbEmulator.start(endpoints.dynamoDbPort(), data.dynamoDb(), faults)));
            Future<SqsEmulator> sqs = starting.submit(() -> StartupTrace.timed("sqs", () -> SqsEmulator.start(endpoints.sqsPort(), region, data.queues(), faults)));
            Future<S3Emulator> s3 = starting.submit(() -> StartupTrace.timed("s3", () -> S3Emulator.start(endpoints.s3Port(), data.buckets(),
                    sdk.accessKeyId(), sdk.secretAccessKey(), s3Notifications, faults)));
            Future<MqttBroker> mqtt = starting.submit(() -> StartupTrace.timed("mqtt", () -> MqttBroker.start(endpoints.mqttPort(), iotRules, deviceAuthorizer)));
            Exception failure = null;
            for (Future<? extends AutoCloseable> emulator : List.of(dynamoDb, sqs, s3, mqtt)) {
                try {
                    emulator.get();
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            Emulators started = new Emulators(orNull(dynamoDb), orNull(sqs), orNull(s3), orNull(mqtt));
            if (failure != null) {
                started.close();
                throw failure;
            }
            return started;
        }
    }

    @Override
    public void close() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AutoCloseable emulator : new AutoCloseable[] {dynamoDb, sqs, s3, mqtt}) {
                if (emulator == null) continue;
                stopping.execute(() -> {
                    try {
                        emulator.close();
                    } catch (Exception e) {
                        System.err.println("[local-cloud] stopping " + emulator.getClass().getSimpleName() + " failed: " + e);
                    }
                });
            }
        }
    }

    private static <T> T orNull(Future<T> started) {
        return started.state() == Future.State.SUCCESS ? started.resultNow() : null;
    }
}
