package app.domus.local.dynamodb;

import app.domus.local.Deployment;
import app.domus.local.template.TemplateResource;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates every {@code AWS::DynamoDB::Table} of the template: keys, secondary indexes, streams and TTL. A table that
 * already exists (a later start) is left as it is, data included.
 */
public final class TableProvisioner {
    private static final ProvisionedThroughput LOCAL_THROUGHPUT = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();

    private final DynamoDbClient dynamoDb;

    public TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public void provision(Deployment deployment) {
        for (TemplateResource table : deployment.resources("AWS::DynamoDB::Table")) {
            String name = deployment.names().tableName(table);
            Map<String, Object> properties = deployment.properties(table);
            try {
                dynamoDb.createTable(createTable(name, properties));
            } catch (ResourceInUseException alreadyThere) {
                enableStreamIfMissing(name, properties);
                continue;
            }
            Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
            if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
                dynamoDb.updateTimeToLive(request -> request.tableName(name)
                        .timeToLiveSpecification(spec -> spec.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            }
        }
    }

    /** A table made by an older template, before it had a stream: the stream is switched on, the data kept. */
    private void enableStreamIfMissing(String name, Map<String, Object> properties) {
        Map<String, Object> stream = map(properties.get("StreamSpecification"));
        if (!stream.containsKey("StreamViewType")) return;
        var current = dynamoDb.describeTable(request -> request.tableName(name)).table().streamSpecification();
        if (current != null && Boolean.TRUE.equals(current.streamEnabled())) return;
        dynamoDb.updateTable(request -> request.tableName(name).streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(text(stream, "StreamViewType")).build()));
    }

    private static CreateTableRequest createTable(String name, Map<String, Object> properties) {
        boolean provisioned = "PROVISIONED".equals(properties.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(text(definition, "AttributeName"))
                                .attributeType(text(definition, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")))
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) request.provisionedThroughput(LOCAL_THROUGHPUT);
        List<Map<String, Object>> globalIndexes = list(properties.get("GlobalSecondaryIndexes"));
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(text(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(map(index.get("Projection"))));
                if (provisioned) gsi.provisionedThroughput(LOCAL_THROUGHPUT);
                return gsi.build();
            }).toList());
        }
        List<Map<String, Object>> localIndexes = list(properties.get("LocalSecondaryIndexes"));
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(map(index.get("Projection"))))
                    .build()).toList());
        }
        Map<String, Object> stream = map(properties.get("StreamSpecification"));
        if (stream.containsKey("StreamViewType")) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(text(stream, "StreamViewType")).build());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object elements) {
        return list(elements).stream()
                .map(element -> KeySchemaElement.builder().attributeName(text(element, "AttributeName")).keyType(text(element, "KeyType")).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> projection) {
        Projection.Builder builder = Projection.builder().projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        List<?> nonKeyAttributes = projection.get("NonKeyAttributes") instanceof List<?> attributes ? attributes : List.of();
        if (!nonKeyAttributes.isEmpty()) builder.nonKeyAttributes(nonKeyAttributes.stream().map(String::valueOf).toList());
        return builder.build();
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
