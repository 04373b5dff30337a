package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tables as the template declares them, reached by a default SDK client through the standard endpoint settings. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class DynamoDbTablesTest {

    @Test
    void createsTheTableWithKeysIndexesTtlAndStream(LocalCloudClient cloud) {
        try (DynamoDbClient dynamoDb = DynamoDbClient.create()) {
            TableDescription table = dynamoDb.describeTable(request -> request.tableName("ItemsTable")).table();

            assertThat(table.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString()).containsExactly("pk:HASH", "sk:RANGE");
            assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
                assertThat(index.indexName()).isEqualTo("byStatus");
                assertThat(index.keySchema()).extracting(key -> key.attributeName()).containsExactly("status", "sk");
            });
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(dynamoDb.describeTimeToLive(request -> request.tableName("ItemsTable")).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    });
        }
    }

    @Test
    void leavesOutResourcesWhoseConditionIsFalse(LocalCloudClient cloud) {
        try (DynamoDbClient dynamoDb = DynamoDbClient.create()) {
            assertThat(dynamoDb.listTables().tableNames()).contains("ItemsTable").doesNotContain("OptionalTable");
        }
        assertThat(cloud.cloud().deployment().functionResources()).noneMatch(function -> function.logicalId().equals("OptionalFunction"));
    }

    @Test
    void storesAndQueriesThroughTheIndex(LocalCloudClient cloud) {
        try (DynamoDbClient dynamoDb = DynamoDbClient.create()) {
            dynamoDb.putItem(request -> request.tableName("ItemsTable").item(Map.of(
                    "pk", AttributeValue.fromS("ITEM#table-test"), "sk", AttributeValue.fromS("META"), "status", AttributeValue.fromS("pending-table-test"))));

            QueryResponse pending = dynamoDb.query(request -> request.tableName("ItemsTable").indexName("byStatus")
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("pending-table-test"))));

            assertThat(pending.items()).singleElement().satisfies(item -> assertThat(item.get("pk").s()).isEqualTo("ITEM#table-test"));
        }
    }
}
