package app.domus.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to start the local cloud. Ports given as 0 are picked free at start (what the tests do).
 *
 * @param template           the SAM template that says what exists
 * @param dataDirectory      where DynamoDB, S3, queues, parameters and the outbox keep their data
 * @param fresh              wipe the data directory first
 * @param parameterOverrides template parameters to override, like {@code sam local --parameter-overrides}
 * @param runSchedules       fire schedules by their expressions (tests fire them on demand instead)
 * @param seedDemoData       run the demo seeders on a data directory's first start
 */
public record LocalCloudOptions(Path template, Path dataDirectory, boolean fresh, String region,
                                int httpPort, int webSocketPort, int mqttPort, int awsPort, int dynamoDbPort, int sqsPort, int s3Port,
                                Map<String, String> parameterOverrides, boolean runSchedules, boolean seedDemoData) {

    public LocalCloudOptions {
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** The defaults of the README command: the repository's template and data directory, the documented ports. */
    public static LocalCloudOptions defaults() {
        return new LocalCloudOptions(Path.of("template.yaml"), Path.of(".local-data"), false, "us-east-1",
                3000, 3001, 1883, 4599, 8000, 9324, 9000, Map.of(), true, true);
    }

    /** Every port free, nothing timed: what a test JVM wants. */
    public static LocalCloudOptions forTests(Path template, Path dataDirectory) {
        return defaults().withTemplate(template).withDataDirectory(dataDirectory).withAllPortsFree().withRunSchedules(false);
    }

    public LocalCloudOptions withTemplate(Path value) {
        return new LocalCloudOptions(value, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withDataDirectory(Path value) {
        return new LocalCloudOptions(template, value, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withFresh(boolean value) {
        return new LocalCloudOptions(template, dataDirectory, value, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withRegion(String value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, value, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withHttpPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, value, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withWebSocketPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, value, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withMqttPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, value, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withAwsPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, value, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withDynamoDbPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, value, sqsPort, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withSqsPort(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, value, s3Port, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withS3Port(int value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, value, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withAllPortsFree() {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, 0, 0, 0, 0, 0, 0, 0, parameterOverrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withParameterOverride(String name, String value) {
        Map<String, String> overrides = new LinkedHashMap<>(parameterOverrides);
        overrides.put(name, value);
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, overrides, runSchedules, seedDemoData);
    }

    public LocalCloudOptions withRunSchedules(boolean value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, value, seedDemoData);
    }

    public LocalCloudOptions withSeedDemoData(boolean value) {
        return new LocalCloudOptions(template, dataDirectory, fresh, region, httpPort, webSocketPort, mqttPort, awsPort, dynamoDbPort, sqsPort, s3Port, parameterOverrides, runSchedules, value);
    }
}
