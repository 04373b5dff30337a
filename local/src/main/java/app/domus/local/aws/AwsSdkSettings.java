package app.domus.local.aws;

import app.domus.local.LocalEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points every AWS SDK v2 client in this JVM (the platform's and the local cloud's own) at the local services, through
 * the SDK's standard settings: the per-service endpoint system properties ({@code aws.endpointUrlSqs}, ...) that
 * correspond to {@code AWS_ENDPOINT_URL_<SERVICE>}, plus region and dummy credentials. A service whose endpoint
 * variable the user has set (LocalStack, say) is left to that endpoint. The properties are removed again on close.
 */
public final class AwsSdkSettings implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local-secret";

    /** A service's endpoint settings, named as the SDK's generated client builders read them. */
    private record Service(String environmentVariable, String systemProperty) {}

    private static final Service DYNAMODB = new Service("AWS_ENDPOINT_URL_DYNAMODB", "aws.endpointUrlDynamoDb");
    private static final Service DYNAMODB_STREAMS = new Service("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "aws.endpointUrlDynamoDbStreams");
    private static final Service SQS = new Service("AWS_ENDPOINT_URL_SQS", "aws.endpointUrlSqs");
    private static final Service S3 = new Service("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3");
    /**
     * Services sent to the local AWS endpoint: the ones it answers, and the others the platform has clients for, which
     * get a clear "not emulated" error there instead of a call to the real AWS.
     */
    private static final List<Service> TO_LOCAL_AWS_ENDPOINT = List.of(
            new Service("AWS_ENDPOINT_URL_SNS", "aws.endpointUrlSns"),
            new Service("AWS_ENDPOINT_URL_SESV2", "aws.endpointUrlSesV2"),
            new Service("AWS_ENDPOINT_URL_SSM", "aws.endpointUrlSsm"),
            new Service("AWS_ENDPOINT_URL_IOT_DATA_PLANE", "aws.endpointUrlIotDataPlane"),
            new Service("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", "aws.endpointUrlApiGatewayManagementApi"),
            new Service("AWS_ENDPOINT_URL_SECRETS_MANAGER", "aws.endpointUrlSecretsManager"),
            new Service("AWS_ENDPOINT_URL_KMS", "aws.endpointUrlKms"),
            new Service("AWS_ENDPOINT_URL_SCHEDULER", "aws.endpointUrlScheduler"),
            new Service("AWS_ENDPOINT_URL_EVENTBRIDGE", "aws.endpointUrlEventBridge"));

    private final Map<String, String> applied = new LinkedHashMap<>();
    private final String sqsEndpoint;
    private final String dynamoDbEndpoint;

    private AwsSdkSettings(LocalEndpoints endpoints, String region) {
        dynamoDbEndpoint = endpoint(DYNAMODB, endpoints.dynamoDbUrl());
        endpoint(DYNAMODB_STREAMS, endpoints.dynamoDbUrl());
        endpoint(S3, endpoints.s3Url());
        sqsEndpoint = endpoint(SQS, endpoints.sqsUrl());
        TO_LOCAL_AWS_ENDPOINT.forEach(service -> endpoint(service, endpoints.awsUrl()));
        setIfAbsent("aws.region", region);
        setIfAbsent("aws.accessKeyId", ACCESS_KEY_ID);
        setIfAbsent("aws.secretAccessKey", SECRET_ACCESS_KEY);
        // One deterministic HTTP client: the platform's functions ship url-connection-client.
        setIfAbsent("software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
    }

    public static AwsSdkSettings apply(LocalEndpoints endpoints, String region) {
        return new AwsSdkSettings(endpoints, region);
    }

    public String accessKeyId() {
        return System.getProperty("aws.accessKeyId");
    }

    public String secretAccessKey() {
        return System.getProperty("aws.secretAccessKey");
    }

    /** Where SQS calls go: the embedded ElasticMQ, or the endpoint the user configured. */
    public String sqsEndpoint() {
        return sqsEndpoint;
    }

    /** Where DynamoDB calls go: the embedded DynamoDB Local, or the endpoint the user configured. */
    public String dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    private String endpoint(Service service, String localUrl) {
        String configured = System.getenv(service.environmentVariable());
        if (configured == null) configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null) return configured;
        set(service.systemProperty(), localUrl);
        return localUrl;
    }

    private void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) set(property, value);
    }

    private void set(String property, String value) {
        System.setProperty(property, value);
        applied.put(property, value);
    }

    @Override
    public void close() {
        applied.forEach((property, value) -> {
            if (value.equals(System.getProperty(property))) System.clearProperty(property);
        });
    }
}
