package app.domus.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The local AWS endpoint's Secrets Manager, through the real SDK client: its protocol, its errors, and its file. */
class SecretsManagerEmulatorTest {
    @TempDir Path data;
    private LocalAwsServer server;
    private SecretsManagerClient client;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new LocalAwsServer(port);
        server.register("secretsmanager", new SecretsManagerEmulator(new SecretStore(data.resolve("secrets.json")), "eu-central-1"));
        server.start();
        client = SecretsManagerClient.builder().region(Region.EU_CENTRAL_1).endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aSecretIsCreatedReadByNameOrArnAndItsNewValueBecomesCurrentWithTheOldOnePrevious() {
        var created = client.createSecret(b -> b.name("domus/listings/imports/01A").description("CRM").secretString("{\"clientId\":\"a\"}"));
        assertThat(created.arn()).matches("arn:aws:secretsmanager:eu-central-1:000000000000:secret:domus/listings/imports/01A-[A-Za-z0-9]{6}");

        assertThat(client.getSecretValue(b -> b.secretId("domus/listings/imports/01A")).secretString()).isEqualTo("{\"clientId\":\"a\"}");
        var put = client.putSecretValue(b -> b.secretId(created.arn()).secretString("{\"clientId\":\"b\"}"));
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        var current = client.getSecretValue(b -> b.secretId(created.arn()));
        assertThat(current.secretString()).isEqualTo("{\"clientId\":\"b\"}");
        assertThat(current.versionStages()).containsExactly("AWSCURRENT");
        assertThat(client.getSecretValue(b -> b.secretId(created.arn()).versionStage("AWSPREVIOUS")).secretString()).isEqualTo("{\"clientId\":\"a\"}");
        var described = client.describeSecret(b -> b.secretId("domus/listings/imports/01A"));
        assertThat(described.description()).isEqualTo("CRM");
        assertThat(described.versionIdsToStages()).hasSize(2).containsEntry(created.versionId(), java.util.List.of("AWSPREVIOUS"));
    }

    @Test
    void itAnswersTheServicesErrorsAsTheSdkKnowsThem() {
        client.createSecret(b -> b.name("s").secretString("one"));
        assertThatThrownBy(() -> client.createSecret(b -> b.name("s").secretString("two"))).isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("nobody"))).isInstanceOf(ResourceNotFoundException.class);

        client.deleteSecret(b -> b.secretId("s").recoveryWindowInDays(7L));
        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("s"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marked for deletion");
        assertThat(client.describeSecret(b -> b.secretId("s")).deletedDate()).isNotNull();
        client.restoreSecret(b -> b.secretId("s"));
        assertThat(client.getSecretValue(b -> b.secretId("s")).secretString()).isEqualTo("one");

        client.deleteSecret(b -> b.secretId("s").forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> client.describeSecret(b -> b.secretId("s"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theSameClientRequestTokenAndValueAgainIsANoOpAndSecretsSurviveARestart() throws Exception {
        client.createSecret(b -> b.name("kept").secretString("v1").clientRequestToken("11111111-1111-1111-1111-111111111111"));
        var again = client.createSecret(b -> b.name("kept").secretString("v1").clientRequestToken("11111111-1111-1111-1111-111111111111"));
        assertThat(again.versionId()).isEqualTo("11111111-1111-1111-1111-111111111111");

        var reopened = new SecretsManagerEmulator(new SecretStore(data.resolve("secrets.json")), "eu-central-1");
        var request = new AwsRequest("POST", "/", null, java.util.Map.of("X-Amz-Target", java.util.List.of("secretsmanager.GetSecretValue")),
                "{\"SecretId\":\"kept\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new String(reopened.handle(request).body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"SecretString\":\"v1\"");
    }
}
