package app.domus.local.dynamodb;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A child process for {@link DynamoDbDurabilityTest}: starts the emulator on a data directory, writes for a while,
 * printing the key of each acknowledged write at once, and then asks to be killed ({@code SIGKILL}) right after an
 * acknowledgement.
 */
public final class WritesThenKill {
    static final String TABLE = "Durable";
    static final String ACKNOWLEDGED = "acknowledged ";
    static final String KILL_ME = "kill me";
    private static final int ITEMS_PER_TRANSACTION = 100;
    private static final String BODY = "x".repeat(30_000);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Duration writing = Duration.ofMillis(Long.parseLong(args[2]));
        DynamoDbEmulator.start(port, data);
        try (DynamoDbClient dynamoDb = client(port)) {
            dynamoDb.createTable(table -> table.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(attribute -> attribute.attributeName("pk").attributeType(ScalarAttributeType.S)));
            long until = System.nanoTime() + writing.toNanos();
            for (int i = 0; ; i++) {
                String put = "put-" + i;
                dynamoDb.putItem(item -> item.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(put))));
                System.out.println(ACKNOWLEDGED + put);
                // A large transaction, so that its COMMIT (journal, pages, two fsyncs) takes long enough to be caught.
                String transaction = "transaction-" + i;
                List<TransactWriteItem> items = new ArrayList<>();
                for (int n = 0; n < ITEMS_PER_TRANSACTION; n++) {
                    items.add(TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(Map.of(
                            "pk", AttributeValue.fromS(transaction + "-" + items.size()), "body", AttributeValue.fromS(BODY)))).build());
                }
                dynamoDb.transactWriteItems(write -> write.transactItems(items));
                for (int n = 0; n < ITEMS_PER_TRANSACTION; n++) System.out.println(ACKNOWLEDGED + transaction + "-" + n);
                if (System.nanoTime() > until) {
                    // Runtime.halt would wait for threads in native code, SQLite's among them; SIGKILL does not.
                    System.out.println(KILL_ME);
                    System.out.flush();
                    Thread.sleep(60_000);
                    return;
                }
            }
        }
    }

    static DynamoDbClient client(int port) {
        return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }
}
