package app.domus.listings.search;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The search's result cache, as items of the table (nothing to install locally; on AWS the same DynamoDB, see
 * {@code shared/TABLE_DESIGN.md} for the cost against ElastiCache). A page is cached under a hash of the query, its cursor
 * and the <em>generations</em> of the scopes it reads ({@code SEARCHGEN#<scope>}, a counter): the indexer bumps a
 * scope's generation when a listing in it is published, changed or withdrawn, so the next search of that scope misses and
 * reads the index afresh, at once; what no event touches expires after the TTL ({@code SEARCH_CACHE_TTL_SECONDS},
 * checked on read, and DynamoDB's TTL removes it later).
 */
@Singleton
public class SearchCache {
    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final Duration ttl;

    @Inject
    public SearchCache(DynamoDbClient dynamoDb, PlatformConfig config, Clock clock) {
        this(dynamoDb, config, clock, Env.optional("SEARCH_CACHE_TTL_SECONDS").map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(DEFAULT_TTL));
    }

    public SearchCache(DynamoDbClient dynamoDb, PlatformConfig config, Clock clock, Duration ttl) {
        this.dynamoDb = dynamoDb;
        this.tableName = config.tableName();
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The scopes' generations (0 for one never bumped), read strongly consistent so that a bump is seen at once. */
    public Map<String, Long> generations(Collection<String> scopes) {
        Map<String, Long> generations = new HashMap<>();
        List<String> all = new ArrayList<>(scopes);
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(scope -> key("SEARCHGEN#" + scope, "GEN")).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                for (var item : response.responses().getOrDefault(tableName, List.of())) {
                    generations.put(item.get("pk").s().substring("SEARCHGEN#".length()), Long.parseLong(item.get("generation").n()));
                }
                request = response.unprocessedKeys();
            }
        }
        scopes.forEach(scope -> generations.putIfAbsent(scope, 0L));
        return generations;
    }

    /** After the index of these scopes changed: their cached pages are no longer found. */
    public void invalidate(Collection<String> scopes) {
        for (String scope : scopes) {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(key("SEARCHGEN#" + scope, "GEN"))
                    .updateExpression("ADD generation :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        }
    }

    public Optional<String> get(String key) {
        var item = dynamoDb.getItem(b -> b.tableName(tableName).key(key("SEARCHCACHE#" + key, "PAGE"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        if (Long.parseLong(item.get("expiresAtMillis").n()) <= clock.millis()) return Optional.empty();
        return Optional.of(item.get("body").s());
    }

    public void put(String key, String body) {
        long expires = clock.millis() + ttl.toMillis();
        Map<String, AttributeValue> item = new HashMap<>(key("SEARCHCACHE#" + key, "PAGE"));
        item.put("body", AttributeValue.fromS(body));
        item.put("expiresAtMillis", AttributeValue.fromN(Long.toString(expires)));
        item.put("ttl", AttributeValue.fromN(Long.toString(expires / 1000 + 1)));
        dynamoDb.putItem(b -> b.tableName(tableName).item(item));
    }

    /** The cache key of a page: the query as normalised, its cursor, and the generations of what it reads. */
    public static String key(String query, String cursor, Map<String, Long> generations) {
        StringBuilder text = new StringBuilder(query).append('|').append(cursor == null ? "" : cursor);
        generations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append('|').append(e.getKey()).append('=').append(e.getValue()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
