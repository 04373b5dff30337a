package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The stored format of a module's items: every {@link TableItem} subclass compiled into the module has a static
 * table schema; an item with every attribute set is stored under the names and types recorded in the module's
 * {@code stored-items.txt} (beside the anchor class's package among its test resources: the bean mapper's format,
 * which the items in existing tables have), reads back unchanged through DynamoDB Local, and keeps the versioned
 * record behaviour (a new item only where none exists, an update only at the version read).
 */
public final class StoredItems {
    /** The recorded format's file, in the anchor's package among the module's test resources. */
    public static final String RECORD = "stored-items.txt";

    private StoredItems() {}

    /** One test per item class of the module whose compiled classes hold {@code anchor}. */
    public static Stream<DynamicTest> ofModuleOf(Class<?> anchor) {
        List<Class<? extends TableItem>> items = itemClasses(anchor);
        assertThat(items).as("item classes next to " + anchor.getName()).isNotEmpty();
        Map<String, String> recorded = recorded(anchor);
        String table = LocalDynamo.freshTable("DomusTable");
        return items.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(),
                () -> check(type, recorded, table)));
    }

    /** Every concrete subclass of {@link TableItem} among the compiled classes that hold {@code anchor}. */
    public static List<Class<? extends TableItem>> itemClasses(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<? extends TableItem>> found = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false, anchor.getClassLoader());
                    if (TableItem.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                        found.add(type.asSubclass(TableItem.class));
                    }
                }
            }
            return found;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the classes next to " + anchor.getName(), e);
        }
    }

    private static <T extends TableItem> void check(Class<T> type, Map<String, String> recorded, String tableName) {
        TableSchema<T> schema = DomusTable.schema(type);
        T item = populated(type);
        Map<String, AttributeValue> written = schema.itemToMap(item, true);
        Set<String> properties = properties(type);
        properties.remove("version"); // a new item has none until it is put
        assertThat(written.keySet()).as("every property of " + type.getSimpleName() + " is in its schema, and set")
                .containsExactlyInAnyOrderElementsOf(properties);
        assertThat(type.getName() + ": " + shape(written))
                .as("stored as recorded in the module's " + RECORD + " (a new item class adds its line)")
                .isEqualTo(type.getName() + ": " + recorded.get(type.getName()));

        DynamoDbTable<T> table = LocalDynamo.enhanced().table(tableName, schema);
        table.putItem(item);
        Map<String, AttributeValue> expected = new HashMap<>(written);
        expected.put("version", AttributeValue.fromN("1"));
        Map<String, AttributeValue> stored = LocalDynamo.client().getItem(g -> g.tableName(tableName)
                .key(Map.of("pk", written.get("pk"), "sk", written.get("sk"))).consistentRead(true)).item();
        assertThat(normalised(stored)).as("stored").isEqualTo(normalised(expected));
        T read = table.getItem(g -> g.key(Key.builder().partitionValue(item.getPk()).sortValue(item.getSk()).build()).consistentRead(true));
        assertThat(normalised(schema.itemToMap(read, true))).as("read back").isEqualTo(normalised(expected));

        assertThatThrownBy(() -> table.putItem(populated(type))).as("a new item where one exists")
                .isInstanceOf(ConditionalCheckFailedException.class);
        table.putItem(read);
        assertThatThrownBy(() -> table.putItem(read)).as("a change at a version no longer stored")
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    /**
     * One test per item class of the module: every attribute is written with the value that was set (under the name
     * recorded in {@code stored-items.txt}) and read back into the same value, and an item with nothing but its keys set
     * writes nothing but its keys (no attribute invents a value). Needs no table: the schema's own conversions.
     */
    public static Stream<DynamicTest> valuesOfModuleOf(Class<?> anchor) {
        return itemClasses(anchor).stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> checkValues(type)));
    }

    private static <T extends TableItem> void checkValues(Class<T> type) throws ReflectiveOperationException {
        TableSchema<T> schema = DomusTable.schema(type);
        Map<String, Object> expected = expectedValues(type);
        expected.put("pk", "STORED#" + type.getName());
        expected.put("sk", "STORED");
        expected.remove("version");
        Map<String, AttributeValue> written = schema.itemToMap(populated(type), true);
        assertThat(plain(written)).as("the values " + type.getSimpleName() + " writes, under their names").isEqualTo(expected);
        T read = schema.mapToItem(written);
        assertThat(plain(schema.itemToMap(read, true))).as("the values it reads back").isEqualTo(expected);

        T bare = type.getConstructor().newInstance();
        bare.setPk("BARE");
        bare.setSk("BARE");
        assertThat(schema.itemToMap(bare, true).keySet()).as("an item with only its keys set").containsExactlyInAnyOrder("pk", "sk");
        assertThat(plain(schema.itemToMap(schema.mapToItem(Map.of("pk", AttributeValue.fromS("BARE"),
                "sk", AttributeValue.fromS("BARE"))), true))).as("read back with only its keys")
                .isEqualTo(Map.of("pk", "BARE", "sk", "BARE"));
    }

    /** What {@link #populated} sets, property by property, in the plain form of {@link #plain(AttributeValue)}. */
    private static Map<String, Object> expectedValues(Class<?> type) {
        Map<String, Object> values = new TreeMap<>();
        for (Method setter : setters(type)) {
            String property = setter.getName().substring(3);
            values.put(java.beans.Introspector.decapitalize(property), plainSample(property, setter.getGenericParameterTypes()[0]));
        }
        return values;
    }

    private static Object plainSample(String property, Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] args = generic.getActualTypeArguments();
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) return List.of(plainSample(property, args[0]), plainSample(property + "2", args[0]));
            if (raw == Set.class) return new TreeSet<>(List.of(plainSample(property, args[0]), plainSample(property + "2", args[0])));
            if (raw == Map.class) return new TreeMap<>(Map.of("k", plainSample(property, args[1])));
            throw new IllegalArgumentException("no sample for " + type);
        }
        Object sample = sample(property, type);
        if (sample instanceof Number number) return new java.math.BigDecimal(number.toString()).stripTrailingZeros();
        if (sample instanceof String || sample instanceof Boolean) return sample;
        return expectedValues((Class<?>) type);
    }

    /** An item's attributes as plain values: strings, numbers as {@code BigDecimal}, booleans, lists, sets, maps. */
    private static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach((name, value) -> out.put(name, plain(value)));
        return out;
    }

    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new java.math.BigDecimal(value.n()).stripTrailingZeros();
            case BOOL -> value.bool();
            case SS -> new TreeSet<>(value.ss());
            case NS -> value.ns().stream().map(n -> new java.math.BigDecimal(n).stripTrailingZeros())
                    .collect(Collectors.toCollection(TreeSet::new));
            case L -> value.l().stream().map(StoredItems::plain).toList();
            case M -> plain(value.m());
            default -> throw new IllegalArgumentException("no plain form for " + value);
        };
    }

    /** An instance with every property set (nested objects too), new (no version), keyed by its class. */
    public static <T> T populated(Class<T> type) {
        try {
            T item = type.getConstructor().newInstance();
            for (Method setter : setters(type)) {
                setter.invoke(item, sample(setter.getName().substring(3), setter.getGenericParameterTypes()[0]));
            }
            if (item instanceof TableItem tableItem) {
                tableItem.setPk("STORED#" + type.getName());
                tableItem.setSk("STORED");
                tableItem.setVersion(null);
            }
            return item;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot populate " + type.getName(), e);
        }
    }

    private static Object sample(String property, Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] args = generic.getActualTypeArguments();
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) return List.of(sample(property, args[0]), sample(property + "2", args[0]));
            if (raw == Set.class) return new LinkedHashSet<>(List.of(sample(property, args[0]), sample(property + "2", args[0])));
            if (raw == Map.class) return Map.of("k", sample(property, args[1]));
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) return property + "-value";
        if (raw == Long.class) return 1_764_583_200_123L;
        if (raw == Integer.class) return 42;
        if (raw == Double.class) return 0.25;
        if (raw == Boolean.class) return Boolean.TRUE;
        return populated(raw);
    }

    private static List<Method> setters(Class<?> type) {
        return Stream.of(type.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> getter(type, m.getName().substring(3)) != null)
                .toList();
    }

    private static Method getter(Class<?> type, String property) {
        try {
            return type.getMethod("get" + property);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The bean properties (a getter and a setter) as the bean mapper named them. */
    private static Set<String> properties(Class<?> type) {
        return setters(type).stream().map(m -> java.beans.Introspector.decapitalize(m.getName().substring(3)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Names and types of a stored item, in name order: {@code name=S}, {@code name=L[S]}, {@code name=M{key=N}}. */
    public static String shape(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).entrySet().stream().map(e -> e.getKey() + "=" + shape(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String shape(AttributeValue value) {
        return switch (value.type()) {
            case L -> "L[" + value.l().stream().map(StoredItems::shape).collect(Collectors.toCollection(TreeSet::new))
                    .stream().collect(Collectors.joining("|")) + "]";
            case M -> "M{" + new TreeMap<>(value.m()).entrySet().stream().map(e -> e.getKey() + "=" + shape(e.getValue()))
                    .collect(Collectors.joining(",")) + "}";
            default -> value.type().name();
        };
    }

    /** Sets compared without their order. */
    private static Map<String, Object> normalised(Map<String, AttributeValue> item) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach((name, value) -> out.put(name, normalised(value)));
        return out;
    }

    private static Object normalised(AttributeValue value) {
        return switch (value.type()) {
            case SS -> new TreeSet<>(value.ss());
            case NS -> new TreeSet<>(value.ns());
            case L -> value.l().stream().map(StoredItems::normalised).toList();
            case M -> normalised(value.m());
            default -> value;
        };
    }

    /** The module's record: one line per item class, {@code <class name>: <shape>}. */
    private static Map<String, String> recorded(Class<?> anchor) {
        Map<String, String> lines = new HashMap<>();
        try (InputStream in = anchor.getResourceAsStream(RECORD)) {
            if (in == null) return lines;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(": ");
                if (!line.isBlank() && !line.startsWith("#") && colon > 0) lines.put(line.substring(0, colon), line.substring(colon + 2));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
