package app.domus.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.faults.FaultInjector;
import app.domus.local.testing.FaultTestClients;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The SDK meets DynamoDB Local's injected faults as it meets DynamoDB's: the exception types a client switches on,
 * its own retries (counted by the switch), nothing written by a refused call, and the local cloud's own calls passing.
 */
class DynamoDbFaultsTest {
    private static final FaultInjector FAULTS = new FaultInjector();
    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static DynamoDbClient internal;

    @BeforeAll
    static void start() throws Exception {
        int port = FaultTestClients.freePort();
        emulator = DynamoDbEmulator.start(port, Files.createTempDirectory("dynamodb-faults"), FAULTS);
        client = client(port, false);
        internal = client(port, true);
        internal.createTable(b -> b.tableName("faults").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")).keySchema(k -> k.attributeName("pk").keyType("HASH")));
    }

    private static DynamoDbClient client(int port, boolean localCloudItself) {
        return FaultTestClients.client(DynamoDbClient.builder(), port, localCloudItself);
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
    }

    @Test
    void throttlingIsTheSdksProvisionedThroughputExceededAfterItsRetriesAndNothingIsWritten() {
        FAULTS.set("dynamodb", Map.of("kind", "throttling", "rate", 1.0));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("faults").item(Map.of("pk", AttributeValue.fromS("throttled")))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        @SuppressWarnings("unchecked")
        Map<String, Long> injected = (Map<String, Long>) FAULTS.state("dynamodb").get("injected");
        assertThat(injected.get("PutItem")).as("the SDK's standard mode tries three times").isEqualTo(3L);
        assertThat(internal.getItem(b -> b.tableName("faults").key(Map.of("pk", AttributeValue.fromS("throttled")))).hasItem())
                .as("the local cloud's own call passes, and finds nothing written").isFalse();
    }

    @Test
    void aServerErrorIsA500InternalServerError() {
        FAULTS.set("dynamodb", Map.of("kind", "server-error", "rate", 1.0, "operations", List.of("GetItem")));
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("faults").key(Map.of("pk", AttributeValue.fromS("x")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                });
        client.putItem(b -> b.tableName("faults").item(Map.of("pk", AttributeValue.fromS("written"))));
        FAULTS.clearAll();
        assertThat(client.getItem(b -> b.tableName("faults").key(Map.of("pk", AttributeValue.fromS("written")))).hasItem()).isTrue();
    }

    @Test
    void aConditionalStormCancelsTransactionsWithOneReasonPerItem() {
        FAULTS.set("dynamodb", Map.of("kind", "conditional-check-failed", "rate", 1.0));
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName("faults").item(Map.of("pk", AttributeValue.fromS("a")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("faults").item(Map.of("pk", AttributeValue.fromS("b")))).build());
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(items)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("ConditionalCheckFailed", "None"));
        FAULTS.set("dynamodb", Map.of("kind", "transaction-conflict", "rate", 1.0));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(items)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("TransactionConflict", "None"));
        assertThat(internal.getItem(b -> b.tableName("faults").key(Map.of("pk", AttributeValue.fromS("a")))).hasItem()).isFalse();
    }

    @Test
    void latencyDelaysTheAnswerWhichStillComes() {
        FAULTS.set("dynamodb", Map.of("kind", "latency", "rate", 1.0, "latencyMs", 300));
        long started = System.nanoTime();
        client.putItem(b -> b.tableName("faults").item(Map.of("pk", AttributeValue.fromS("late"))));
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(internal.getItem(b -> b.tableName("faults").key(Map.of("pk", AttributeValue.fromS("late")))).hasItem()).isTrue();
    }
}
