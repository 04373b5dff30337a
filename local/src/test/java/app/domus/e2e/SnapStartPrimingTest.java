package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.runtime.LocalFunction;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function of the template has a SnapStart priming hook, and running all of them (as Lambda does before it
 * snapshots a version) leaves the platform's stored data, its outbox and its sent messages exactly as they were.
 */
@ExtendWith(LocalCloudExtension.class)
class SnapStartPrimingTest {
    @Test
    void everyFunctionPrimesWithoutTouchingStoredData(LocalCloudClient cloud) throws Exception {
        for (JsonNode queue : cloud.console("queues")) {
            if (!queue.path("deadLetterQueue").asBoolean(false)) cloud.awaitQueueDrained(queue.path("logicalId").asText());
        }
        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        Set<Map<String, AttributeValue>> before = items(table);
        List<JsonNode> messagesBefore = cloud.outbox(null);
        JsonNode eventsBefore = cloud.console("events");

        List<String> withoutHook = new ArrayList<>();
        int primed = 0;
        // Two at a time or more, as the local cloud starts functions under concurrent requests: a cold start and its
        // priming are mostly class loading, and one function at a time left a core of the machine idle.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            Map<LocalFunction, Future<Boolean>> priming = new LinkedHashMap<>();
            for (LocalFunction function : cloud.cloud().functions().all()) priming.put(function, pool.submit(function::prime));
            for (Map.Entry<LocalFunction, Future<Boolean>> function : priming.entrySet()) {
                if (function.getValue().get()) primed++;
                else withoutHook.add(function.getKey().definition().logicalId());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(withoutHook).as("functions without a priming hook").isEmpty();
        assertThat(primed).isEqualTo(cloud.cloud().deployment().functions().size());
        assertThat(items(table)).as("the table's items").isEqualTo(before);
        assertThat(cloud.outbox(null)).as("e-mails, SMS and pushes sent").isEqualTo(messagesBefore);
        assertThat(cloud.console("events")).as("events published").isEqualTo(eventsBefore);
    }

    private static Set<Map<String, AttributeValue>> items(String table) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            Set<Map<String, AttributeValue>> items = new HashSet<>();
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(items::add);
            return items;
        }
    }
}
