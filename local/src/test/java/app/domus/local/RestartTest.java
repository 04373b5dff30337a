package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.aws.AwsSdkSettings;
import app.domus.local.json.Json;
import app.domus.local.testing.LocalCloudProcess;
import app.domus.local.testing.LocalCloudTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Data survives a hard stop: written to every store, the process killed with SIGKILL, started again on the same data
 * directory, everything read back. The second run then stops cleanly on SIGTERM, as on Ctrl-C.
 */
@LocalCloudTemplate("classpath:test-template.yaml")
class RestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDirectory;

    @Test
    void keepsTablesBucketsQueuesParametersOutboxAndKeysAcrossAHardStop() throws Exception {
        Path template = Path.of(getClass().getClassLoader().getResource("test-template.yaml").toURI());
        Path data = workDirectory.resolve("data");
        Path log = workDirectory.resolve("local-cloud.log");
        LocalCloudProcess.Ports ports = LocalCloudProcess.Ports.free();

        String keysBefore;
        try (LocalCloudProcess first = LocalCloudProcess.start(template, data, ports, log)) {
            try (DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), ports.dynamoDbUrl());
                 S3Client s3 = client(S3Client.builder(), ports.s3Url());
                 SqsClient sqs = client(SqsClient.builder(), ports.sqsUrl());
                 SsmClient ssm = client(SsmClient.builder(), ports.awsUrl());
                 SnsClient sns = client(SnsClient.builder(), ports.awsUrl())) {
                dynamoDb.putItem(request -> request.tableName("ItemsTable").item(Map.of("pk", AttributeValue.fromS("ITEM#kept"), "sk", AttributeValue.fromS("META"))));
                s3.putObject(request -> request.bucket("uploadsbucket").key("kept.txt"), RequestBody.fromString("still here"));
                sqs.sendMessage(request -> request.queueUrl(ports.sqsUrl() + "/000000000000/ApprovedQueue").messageBody("waiting"));
                ssm.putParameter(request -> request.name("/test/kept").value("v1").type("String"));
                sns.publish(request -> request.phoneNumber("+41790000001").message("kept text"));
            }
            keysBefore = get(ports.httpUrl() + "/.well-known/jwks.json");
            // Straight after the acknowledgements: the queue's store writes each commit before ElasticMQ answers (its H2
            // runs with WRITE_DELAY=0; under H2's default of 500 ms a kill this soon could lose the message).
            first.kill();
        }

        try (LocalCloudProcess second = LocalCloudProcess.start(template, data, ports, log)) {
            try (DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), ports.dynamoDbUrl());
                 S3Client s3 = client(S3Client.builder(), ports.s3Url());
                 SqsClient sqs = client(SqsClient.builder(), ports.sqsUrl());
                 SsmClient ssm = client(SsmClient.builder(), ports.awsUrl())) {
                assertThat(dynamoDb.getItem(request -> request.tableName("ItemsTable")
                        .key(Map.of("pk", AttributeValue.fromS("ITEM#kept"), "sk", AttributeValue.fromS("META")))).hasItem()).isTrue();
                assertThat(s3.getObjectAsBytes(request -> request.bucket("uploadsbucket").key("kept.txt")).asUtf8String()).isEqualTo("still here");
                assertThat(sqs.receiveMessage(request -> request.queueUrl(ports.sqsUrl() + "/000000000000/ApprovedQueue").waitTimeSeconds(2))
                        .messages()).extracting(message -> message.body()).containsExactly("waiting");
                assertThat(ssm.getParameter(request -> request.name("/test/kept")).parameter().value()).isEqualTo("v1");
            }
            assertThat(Json.read(get(ports.httpUrl() + "/_local/outbox?to=%2B41790000001")).get(0).path("text").asText()).isEqualTo("kept text");
            assertThat(get(ports.httpUrl() + "/.well-known/jwks.json")).isEqualTo(keysBefore);

            assertThat(second.stop(Duration.ofSeconds(20))).as("stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("Stopping the Domus local cloud");
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String endpoint) {
        return builder.endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsSdkSettings.ACCESS_KEY_ID, AwsSdkSettings.SECRET_ACCESS_KEY)))
                .build();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
