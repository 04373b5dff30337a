package app.domus.meters.ingest;

import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads and writes of the table for ingestion, on the low-level client: BatchGetItem in chunks of 100 keys and
 * BatchWriteItem in chunks of 25 puts, each retrying what DynamoDB leaves unprocessed with exponential backoff and full
 * jitter. What is still unprocessed after the last attempt is given back, so that the caller fails only the messages it
 * belongs to (SQS delivers them again).
 */
@Singleton
public class BatchStore {
    static final int GET_CHUNK = 100;
    static final int WRITE_CHUNK = 25;
    static final int ATTEMPTS = 6;
    static final long BASE_BACKOFF_MS = 25;
    static final long MAX_BACKOFF_MS = 800;

    private final DynamoDbClient dynamo;
    private final String tableName;

    @Inject
    public BatchStore(DynamoDbClient dynamo, DomusTable table) {
        this.dynamo = dynamo;
        this.tableName = table.name();
    }

    /** The items found for these keys, by their key ({@code pk + "\u0000" + sk}). */
    public Map<String, Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        Map<String, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) distinct.putIfAbsent(keyOf(key), key);
        List<Map<String, AttributeValue>> all = new ArrayList<>(distinct.values());
        for (int from = 0; from < all.size(); from += GET_CHUNK) {
            List<Map<String, AttributeValue>> pending = all.subList(from, Math.min(all.size(), from + GET_CHUNK));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                var request = Map.of(tableName, KeysAndAttributes.builder().keys(pending).build());
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(tableName, List.of()).forEach(item -> found.put(keyOf(item), item));
                KeysAndAttributes left = response.unprocessedKeys().get(tableName);
                pending = left == null ? List.of() : left.keys();
                if (!pending.isEmpty()) {
                    if (attempt == ATTEMPTS) throw new IllegalStateException("DynamoDB left " + pending.size() + " keys unread after " + ATTEMPTS + " attempts");
                    pause(attempt);
                }
            }
        }
        return found;
    }

    /** Puts every item; gives back the keys of those still unprocessed after the last attempt (empty when all were stored). */
    public List<String> put(List<Map<String, AttributeValue>> items) {
        List<String> unstored = new ArrayList<>();
        for (int from = 0; from < items.size(); from += WRITE_CHUNK) {
            List<WriteRequest> pending = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + WRITE_CHUNK))) {
                pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(tableName, batch)));
                pending = response.unprocessedItems().getOrDefault(tableName, List.of());
                if (!pending.isEmpty()) {
                    if (attempt == ATTEMPTS) {
                        pending.forEach(w -> unstored.add(keyOf(w.putRequest().item())));
                        break;
                    }
                    pause(attempt);
                }
            }
        }
        return unstored;
    }

    public static String keyOf(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "\u0000" + item.get("sk").s();
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static void pause(int attempt) {
        long cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << (attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
