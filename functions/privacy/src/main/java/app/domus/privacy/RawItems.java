package app.domus.privacy;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Other contexts' items read (and erased) as raw DynamoDB items, by the key patterns {@code shared/TABLE_DESIGN.md}
 * documents: the privacy context imports none of their classes, so an export or an erasure does not break when one of
 * them adds an attribute, and it reads what is stored rather than what a class maps.
 */
@Singleton
public class RawItems {
    /** More than any one person's items of one kind; a query reaching it stops there (the export says so). */
    public static final int MAX_PER_QUERY = 5_000;

    private final DynamoDbClient dynamo;
    private final PlatformConfig config;

    @Inject
    public RawItems(DynamoDbClient dynamo, PlatformConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public String table() {
        return config.tableName();
    }

    public DynamoDbClient client() {
        return dynamo;
    }

    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table()).consistentRead(true).key(key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The organisations a person is a member of, from their memberships: events about the person carry them
     * ({@code organisationIds}) so that the audit log appends them to each organisation's chain.
     */
    public List<String> organisationsOf(String userPk) {
        return partition(userPk, "MEMBER#").stream().map(m -> text(m, "organisationId")).filter(o -> o != null)
                .distinct().toList();
    }

    /** A partition's items, all of them or those whose sort key begins with {@code skPrefix} (null: all). */
    public List<Map<String, AttributeValue>> partition(String pk, String skPrefix) {
        return query(null, "pk", "sk", pk, skPrefix);
    }

    /** An index partition ({@code gsi1} or {@code gsi2}), all or those whose index sort key begins with {@code skPrefix}. */
    public List<Map<String, AttributeValue>> index(String index, String pk, String skPrefix) {
        return query(index, index + "pk", index + "sk", pk, skPrefix);
    }

    private List<Map<String, AttributeValue>> query(String index, String pkName, String skName, String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":pk", AttributeValue.fromS(pk));
        String condition = pkName + " = :pk";
        if (skPrefix != null) {
            values.put(":sk", AttributeValue.fromS(skPrefix));
            condition += " AND begins_with(" + skName + ", :sk)";
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table()).keyConditionExpression(condition)
                    .expressionAttributeValues(values).exclusiveStartKey(start);
            if (index != null) request.indexName(index);
            else request.consistentRead(true);
            QueryResponse page = dynamo.query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < MAX_PER_QUERY);
        return items.size() > MAX_PER_QUERY ? items.subList(0, MAX_PER_QUERY) : items;
    }

    public void delete(String pk, String sk) {
        dynamo.deleteItem(b -> b.tableName(table()).key(key(pk, sk)));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** An item as plain JSON values (maps, lists, strings, numbers, booleans), attributes sorted by name. */
    public static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new TreeMap<>();
        item.forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case B -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            case SS -> List.copyOf(value.ss());
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case BS -> value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> value.l().stream().map(RawItems::plain).toList();
            case M -> plain(value.m());
            default -> String.valueOf(value);
        };
    }
}
