package app.domus.shared.persistence;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Static table schemas, written in code beside each item class (its {@code SCHEMA}), so that no cold start
 * introspects beans. Attribute names are the names the items were stored under when they were beans (the
 * property names), and types are stored as the bean mapper stored them: {@code String} as S, numbers as N,
 * {@code Boolean} as BOOL, lists as L, string sets as SS, maps and nested objects as M.
 *
 * <pre>{@code
 * public static final TableSchema<FaultItem> SCHEMA = ItemSchema.item(FaultItem.class, FaultItem::new)
 *         .text("id", FaultItem::getId, FaultItem::setId)
 *         .attribute(Integer.class, "assignments", FaultItem::getAssignments, FaultItem::setAssignments)
 *         .build();
 * }</pre>
 */
public final class ItemSchema<T> {
    /** The keys, the version and the TTL every item of the table carries, extended by every item's schema. */
    static final StaticTableSchema<TableItem> KEYS = StaticTableSchema.builder(TableItem.class)
            .addAttribute(String.class, a -> a.name("pk").getter(TableItem::getPk).setter(TableItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(TableItem::getSk).setter(TableItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(TableItem::getGsi1pk).setter(TableItem::setGsi1pk)
                    .tags(secondaryPartitionKey(TableItem.GSI1)))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(TableItem::getGsi1sk).setter(TableItem::setGsi1sk)
                    .tags(secondarySortKey(TableItem.GSI1)))
            .addAttribute(String.class, a -> a.name("gsi2pk").getter(TableItem::getGsi2pk).setter(TableItem::setGsi2pk)
                    .tags(secondaryPartitionKey(TableItem.GSI2)))
            .addAttribute(String.class, a -> a.name("gsi2sk").getter(TableItem::getGsi2sk).setter(TableItem::setGsi2sk)
                    .tags(secondarySortKey(TableItem.GSI2)))
            // As @DynamoDbVersionAttribute had it: a new item starts at 1 and may only be put where none exists.
            .addAttribute(Long.class, a -> a.name("version").getter(TableItem::getVersion).setter(TableItem::setVersion)
                    .tags(VersionedRecordExtension.AttributeTags.versionAttribute(0L, 1L)))
            .addAttribute(Long.class, a -> a.name("ttl").getter(TableItem::getTtl).setter(TableItem::setTtl))
            .build();

    private final StaticTableSchema.Builder<T> builder;

    private ItemSchema(StaticTableSchema.Builder<T> builder) {
        this.builder = builder;
    }

    /** The schema of an item of the table: its own attributes after the ones of {@link TableItem}. */
    public static <T extends TableItem> ItemSchema<T> item(Class<T> type, Supplier<T> constructor) {
        return new ItemSchema<>(StaticTableSchema.builder(type).newItemSupplier(constructor).extend(KEYS));
    }

    /** The schema of an object stored inside an item, as a map (see {@link #documents}). */
    public static <T> ItemSchema<T> document(Class<T> type, Supplier<T> constructor) {
        return new ItemSchema<>(StaticTableSchema.builder(type).newItemSupplier(constructor));
    }

    public ItemSchema<T> text(String name, Function<T, String> getter, BiConsumer<T, String> setter) {
        return attribute(String.class, name, getter, setter);
    }

    public <R> ItemSchema<T> attribute(Class<R> type, String name, Function<T, R> getter, BiConsumer<T, R> setter) {
        return attribute(EnhancedType.of(type), name, getter, setter);
    }

    public <R> ItemSchema<T> attribute(EnhancedType<R> type, String name, Function<T, R> getter, BiConsumer<T, R> setter) {
        builder.addAttribute(type, a -> a.name(name).getter(getter).setter(setter));
        return this;
    }

    /** A list of strings (L of S). */
    public ItemSchema<T> textList(String name, Function<T, List<String>> getter, BiConsumer<T, List<String>> setter) {
        return attribute(EnhancedType.listOf(String.class), name, getter, setter);
    }

    /** A set of strings (SS). */
    public ItemSchema<T> textSet(String name, Function<T, Set<String>> getter, BiConsumer<T, Set<String>> setter) {
        return attribute(EnhancedType.setOf(String.class), name, getter, setter);
    }

    /** A list of nested objects, each stored as a map with its own schema (L of M). */
    public <R> ItemSchema<T> documents(String name, Class<R> type, TableSchema<R> schema, Function<T, List<R>> getter,
                                       BiConsumer<T, List<R>> setter) {
        return attribute(EnhancedType.listOf(EnhancedType.documentOf(type, schema)), name, getter, setter);
    }

    public TableSchema<T> build() {
        return builder.build();
    }
}
