package app.domus.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.faults.FaultInjector;
import app.domus.local.testing.FaultTestClients;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The SDK (AWS JSON 1.0) meets the SQS front door's injected faults as it meets SQS's: {@code RequestThrottled} (a
 * throttling error it retries), {@code 500 InternalError}, nothing sent by a refused call, and the local cloud's own
 * calls and everything else forwarded to ElasticMQ unchanged.
 */
class SqsFaultsTest {
    private static final FaultInjector FAULTS = new FaultInjector();
    private static SqsEmulator emulator;
    private static SqsClient client;
    private static SqsClient internal;
    private static String queueUrl;

    @BeforeAll
    static void start() throws Exception {
        int port = FaultTestClients.freePort();
        emulator = SqsEmulator.start(port, "eu-west-1", Files.createTempDirectory("sqs-faults"), FAULTS);
        client = client(port, false);
        internal = client(port, true);
        queueUrl = internal.createQueue(b -> b.queueName("faults")).queueUrl();
    }

    private static SqsClient client(int port, boolean localCloudItself) {
        return FaultTestClients.client(SqsClient.builder(), port, localCloudItself);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        internal.close();
        emulator.close();
    }

    @BeforeEach
    void clear() {
        FAULTS.clearAll();
        internal.purgeQueue(b -> b.queueUrl(queueUrl));
    }

    @Test
    void queueUrlsNameTheFrontDoorAndCallsPassItUnchanged() {
        assertThat(URI.create(queueUrl).getPort()).isEqualTo(URI.create(client.serviceClientConfiguration().endpointOverride().orElseThrow().toString()).getPort());
        client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello").messageAttributes(Map.of("kind",
                software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String").stringValue("greeting").build())));
        var received = client.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).messageAttributeNames("All")).messages();
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("hello");
            assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("greeting");
        });
    }

    @Test
    void throttlingIsRequestThrottledAfterTheSdksRetriesAndNothingIsSent() {
        FAULTS.set("sqs", Map.of("kind", "throttling", "rate", 1.0));
        assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("throttled")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestThrottled");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(FAULTS.state("sqs")).extracting("injected").isEqualTo(Map.of("SendMessage", 3L));
        // The local cloud's own calls pass the standing rule, and see nothing was sent.
        assertThat(internal.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(FAULTS.state("sqs")).extracting("injected").isEqualTo(Map.of("SendMessage", 3L));
    }

    @Test
    void aServerErrorIsA500InternalErrorAndLatencyLetsTheCallThrough() {
        FAULTS.set("sqs", Map.of("kind", "server-error", "rate", 1.0));
        assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("failed")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
        FAULTS.set("sqs", Map.of("kind", "latency", "rate", 1.0, "latencyMs", 20));
        client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("late"));
        FAULTS.clearAll();
        assertThat(client.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages())
                .extracting(m -> m.body()).containsExactly("late");
    }

    @Test
    void operationsAreNamedFromTheJsonTargetOrTheQueryAction() {
        assertThat(FaultInjectingSqsFrontDoor.operation("AmazonSQS.SendMessageBatch", null)).isEqualTo("SendMessageBatch");
        assertThat(FaultInjectingSqsFrontDoor.operation(null, "QueueUrl=x&Action=ReceiveMessage&Version=2012-11-05")).isEqualTo("ReceiveMessage");
        assertThat(FaultInjectingSqsFrontDoor.operation(null, null)).isEmpty();
    }
}
