package app.domus.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.console.Outbox;
import app.domus.local.faults.FaultInjector;
import app.domus.local.testing.FaultTestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The SDK meets the local AWS endpoint's injected faults as it meets SES v2 (REST-JSON), SSM, KMS and Secrets Manager
 * (JSON 1.1): each service's own exception, its throttling classified as such, the standard mode's three attempts
 * counted by the switch, nothing sent or stored by a refused call, and the local cloud's own calls passing.
 */
class AwsApiFaultsTest {
    private static final FaultInjector FAULTS = new FaultInjector();
    private static LocalAwsServer server;
    private static Outbox outbox;
    private static SesV2Client ses;
    private static SsmClient ssm;
    private static SsmClient internalSsm;
    private static KmsClient kms;
    private static SecretsManagerClient secrets;
    private static SecretsManagerClient internalSecrets;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("aws-faults");
        int port = FaultTestClients.freePort();
        outbox = new Outbox(data.resolve("outbox.jsonl"));
        SecretStore secretStore = new SecretStore(data.resolve("secrets.json"));
        server = new LocalAwsServer(port);
        server.register("ses", FaultInjectingAwsApi.ses(FAULTS, new SesEmulator(outbox)));
        server.register("ssm", FaultInjectingAwsApi.ssm(FAULTS, new SsmEmulator(new ParameterStore(data.resolve("parameters.json")), secretStore, "eu-west-1")));
        server.register("kms", FaultInjectingAwsApi.kms(FAULTS, new KmsEmulator(data.resolve("kms-root.key"), "eu-west-1")));
        server.register("secretsmanager", FaultInjectingAwsApi.secretsManager(FAULTS, new SecretsManagerEmulator(secretStore, "eu-west-1")));
        server.start();
        ses = FaultTestClients.client(SesV2Client.builder(), port, false);
        ssm = FaultTestClients.client(SsmClient.builder(), port, false);
        internalSsm = FaultTestClients.client(SsmClient.builder(), port, true);
        kms = FaultTestClients.client(KmsClient.builder(), port, false);
        secrets = FaultTestClients.client(SecretsManagerClient.builder(), port, false);
        internalSecrets = FaultTestClients.client(SecretsManagerClient.builder(), port, true);
    }

    @AfterAll
    static void stop() {
        List.of(ses, ssm, internalSsm, kms, secrets, internalSecrets).forEach(client -> client.close());
        server.close();
    }

    @BeforeEach
    void clear() {
        FAULTS.clearAll();
    }

    @Test
    void throttledSesIsTooManyRequestsAfterTheSdksRetriesAndNoEmailIsSent() {
        FAULTS.set("ses", Map.of("kind", "throttling", "rate", 1.0, "operations", List.of("SendEmail")));
        assertThatThrownBy(() -> sendEmail(ses, "throttled@domus.test"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(injected("ses")).isEqualTo(Map.of("SendEmail", 3L));
        assertThat(outbox.messages("throttled@domus.test")).isEmpty();

        FAULTS.set("ses", Map.of("kind", "server-error", "rate", 1.0));
        assertThatThrownBy(() -> sendEmail(ses, "failed@domus.test")).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
        });
        FAULTS.clearAll();
        sendEmail(ses, "sent@domus.test");
        assertThat(outbox.messages("sent@domus.test")).hasSize(1);
    }

    @Test
    void ssmThrottlingAndServerErrorsAreItsOwnAndARefusedPutStoresNothing() {
        FAULTS.set("ssm", Map.of("kind", "throttling", "rate", 1.0, "operations", List.of("PutParameter")));
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("/faults/refused").type("String").value("x")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ssm.model.ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(injected("ssm")).isEqualTo(Map.of("PutParameter", 3L));
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/faults/refused"))).as("another operation passes, and finds nothing stored")
                .isInstanceOf(ParameterNotFoundException.class);

        FAULTS.set("ssm", Map.of("kind", "server-error", "rate", 1.0));
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/faults/refused")))
                .isInstanceOfSatisfying(InternalServerErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        internalSsm.putParameter(b -> b.name("/faults/internal").type("String").value("kept"));
        assertThat(internalSsm.getParameter(b -> b.name("/faults/internal")).parameter().value()).isEqualTo("kept");
    }

    @Test
    void kmsThrottlingInternalErrorsAndAnUnavailableKeyAreRetriedThenFailWithKmssExceptions() {
        FAULTS.set("kms", Map.of("kind", "throttling", "rate", 1.0));
        assertThatThrownBy(() -> encrypt("a")).isInstanceOfSatisfying(software.amazon.awssdk.services.kms.model.KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.isThrottlingException()).isTrue();
        });
        FAULTS.set("kms", Map.of("kind", "server-error", "rate", 1.0));
        assertThatThrownBy(() -> encrypt("b")).isInstanceOfSatisfying(KmsInternalException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        FAULTS.set("kms", Map.of("kind", "unavailable", "rate", 1.0, "operations", List.of("Encrypt")));
        assertThatThrownBy(() -> encrypt("c")).isInstanceOf(KeyUnavailableException.class);
        assertThat(injected("kms")).as("three attempts for each kind: a 500 is retried like throttling").isEqualTo(Map.of("Encrypt", 9L));

        FAULTS.set("kms", Map.of("kind", "latency", "rate", 1.0, "latencyMs", 20));
        SdkBytes blob = kms.encrypt(b -> b.keyId("alias/faults").plaintext(SdkBytes.fromUtf8String("late"))).ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("late");
    }

    @Test
    void secretsManagerThrottlingAndServiceErrorsLeaveNoSecretAndTheLocalCloudsOwnCallsPass() {
        FAULTS.set("secretsmanager", Map.of("kind", "throttling", "rate", 1.0, "operations", List.of("CreateSecret")));
        assertThatThrownBy(() -> secrets.createSecret(b -> b.name("faults/refused").secretString("{}")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(injected("secretsmanager")).isEqualTo(Map.of("CreateSecret", 3L));
        assertThatThrownBy(() -> secrets.describeSecret(b -> b.secretId("faults/refused"))).isInstanceOf(ResourceNotFoundException.class);

        FAULTS.set("secretsmanager", Map.of("kind", "server-error", "rate", 1.0));
        assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId("faults/refused")))
                .isInstanceOfSatisfying(InternalServiceErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        internalSecrets.createSecret(b -> b.name("faults/internal").secretString("{\"k\":\"v\"}"));
        assertThat(internalSecrets.getSecretValue(b -> b.secretId("faults/internal")).secretString()).isEqualTo("{\"k\":\"v\"}");
        assertThat(injected("secretsmanager")).as("the internal calls were not counted").isEqualTo(Map.of("CreateSecret", 3L, "GetSecretValue", 3L));
    }

    @Test
    void sesOperationsAreNamedAsTheSesV2ApiNamesThem() {
        assertThat(FaultInjectingAwsApi.sesOperation("POST", "/v2/email/outbound-emails")).isEqualTo("SendEmail");
        assertThat(FaultInjectingAwsApi.sesOperation("GET", "/v2/email/outbound-emails")).isEmpty();
    }

    private static void sendEmail(SesV2Client client, String to) {
        client.sendEmail(b -> b.fromEmailAddress("noreply@domus.test").destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Faults")).body(body -> body.text(t -> t.data("A test."))))));
    }

    private static void encrypt(String text) {
        kms.encrypt(b -> b.keyId("alias/faults").plaintext(SdkBytes.fromUtf8String(text)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> injected(String service) {
        return (Map<String, Long>) FAULTS.state(service).get("injected");
    }
}
