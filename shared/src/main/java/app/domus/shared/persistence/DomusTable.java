package app.domus.shared.persistence;

import app.domus.shared.aws.PlatformConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single Domus table through the enhanced client. Every item class declares its static table schema as
 * {@code public static final TableSchema<X> SCHEMA} (built with {@link ItemSchema}); nothing introspects beans,
 * which cost tens of milliseconds per class at a cold start. A class without one is refused.
 */
@Singleton
public class DomusTable {
    /** The name of the constant that holds an item class's static table schema. */
    private static final String SCHEMA_FIELD = "SCHEMA";
    private static final Map<Class<?>, TableSchema<?>> SCHEMAS = new ConcurrentHashMap<>();

    private final DynamoDbEnhancedClient client;
    private final String tableName;
    private final Map<Class<?>, DynamoDbTable<?>> tables = new ConcurrentHashMap<>();

    @Inject
    public DomusTable(DynamoDbEnhancedClient client, PlatformConfig config) {
        this.client = client;
        this.tableName = config.tableName();
    }

    @SuppressWarnings("unchecked")
    public static <T> TableSchema<T> schema(Class<T> type) {
        return (TableSchema<T>) SCHEMAS.computeIfAbsent(type, DomusTable::declaredSchema);
    }

    /** The class's own {@code SCHEMA} constant, for that very class (not inherited, not another class's). */
    private static TableSchema<?> declaredSchema(Class<?> type) {
        try {
            Field field = type.getDeclaredField(SCHEMA_FIELD);
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)
                    && field.get(null) instanceof TableSchema<?> schema && schema.itemType().rawClass() == type) {
                return schema;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // refused below
        }
        throw new IllegalArgumentException(type.getName() + " has no static table schema: declare public static final TableSchema<"
                + type.getSimpleName() + "> " + SCHEMA_FIELD + " = ItemSchema.item(...)...build() in it (see ItemSchema)");
    }

    @SuppressWarnings("unchecked")
    public <T extends TableItem> DynamoDbTable<T> of(Class<T> type) {
        return (DynamoDbTable<T>) tables.computeIfAbsent(type, t -> client.table(tableName, schema(type)));
    }

    public String name() {
        return tableName;
    }

    public DynamoDbEnhancedClient client() {
        return client;
    }

    public <T extends TableItem> Optional<T> get(Class<T> type, String pk, String sk) {
        return Optional.ofNullable(of(type).getItem(Key.builder().partitionValue(pk).sortValue(sk).build()));
    }

    /** One page of the items under {@code pk} whose sort key starts with {@code skPrefix}. */
    public <T extends TableItem> app.domus.shared.persistence.Page<T> page(Class<T> type, String pk, String skPrefix,
                                                                           int limit, String cursor) {
        return page(type, pk, skPrefix, limit, cursor, false);
    }

    /** As {@link #page(Class, String, String, int, String)}, in descending sort key order when {@code backward}. */
    public <T extends TableItem> app.domus.shared.persistence.Page<T> page(Class<T> type, String pk, String skPrefix,
                                                                           int limit, String cursor, boolean backward) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(skPrefix).build()))
                .scanIndexForward(!backward)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", pk))
                .build();
        return first(of(type).query(request));
    }

    /** One page of an index partition, sorted by the index's sort key. */
    public <T extends TableItem> app.domus.shared.persistence.Page<T> indexPage(Class<T> type, String index, String pk,
                                                                                String skPrefix, int limit, String cursor) {
        return indexPage(type, index, pk, skPrefix, limit, cursor, false);
    }

    /** As {@link #indexPage(Class, String, String, String, int, String)}, newest (highest sort key) first when {@code backward}. */
    public <T extends TableItem> app.domus.shared.persistence.Page<T> indexPage(Class<T> type, String index, String pk,
                                                                                String skPrefix, int limit, String cursor,
                                                                                boolean backward) {
        DynamoDbIndex<T> idx = of(type).index(index);
        Key key = skPrefix == null ? Key.builder().partitionValue(pk).build()
                : Key.builder().partitionValue(pk).sortValue(skPrefix).build();
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(skPrefix == null ? QueryConditional.keyEqualTo(key) : QueryConditional.sortBeginsWith(key))
                .scanIndexForward(!backward)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, index + "pk", pk))
                .build();
        return first(idx.query(request));
    }

    /** Every item under {@code pk} with the sort key prefix (for small, bounded partitions). */
    public <T extends TableItem> java.util.List<T> all(Class<T> type, String pk, String skPrefix) {
        QueryConditional condition = QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(skPrefix).build());
        return of(type).query(condition).items().stream().toList();
    }

    /** Every item of an index partition (for small, bounded partitions). */
    public <T extends TableItem> java.util.List<T> allInIndex(Class<T> type, String index, String pk) {
        return of(type).index(index).query(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    private static <T> app.domus.shared.persistence.Page<T> first(SdkIterable<Page<T>> pages) {
        Page<T> page = pages.iterator().next();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new app.domus.shared.persistence.Page<>(page.items(), Cursor.encode(last));
    }
}
