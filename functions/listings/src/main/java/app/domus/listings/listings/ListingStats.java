package app.domus.listings.listings;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The listings' analytics counters ({@link ListingStatsItem}): one atomic ADD per view or inquiry, no read first. */
@Singleton
public class ListingStats {
    public record Analytics(long views, long inquiries) {}

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DomusTable table;

    @Inject
    public ListingStats(DynamoDbClient dynamoDb, PlatformConfig config, DomusTable table) {
        this.dynamoDb = dynamoDb;
        this.tableName = config.tableName();
        this.table = table;
    }

    public void viewed(String listingId) {
        count(listingId, "views");
    }

    public void inquired(String listingId) {
        count(listingId, "inquiries");
    }

    public Analytics of(String listingId) {
        return table.get(ListingStatsItem.class, ListingItem.pk(listingId), ListingStatsItem.SK)
                .map(s -> new Analytics(s.getViews() == null ? 0 : s.getViews(), s.getInquiries() == null ? 0 : s.getInquiries()))
                .orElse(new Analytics(0, 0));
    }

    private void count(String listingId, String counter) {
        dynamoDb.updateItem(b -> b.tableName(tableName)
                .key(Map.of("pk", AttributeValue.fromS(ListingItem.pk(listingId)), "sk", AttributeValue.fromS(ListingStatsItem.SK)))
                .updateExpression("ADD #c :one")
                .expressionAttributeNames(Map.of("#c", counter))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }
}
