package app.domus.listings.search;

import app.domus.shared.json.Json;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The public search over published listings: a city or district reads its one scope in the order asked for (by price on
 * the table's sort key, a price range as its key condition; newest on gsi1), paged by an opaque cursor naming the last
 * entry returned; a circle reads the geohash cells covering it, keeps what lies within the radius and pages the sorted
 * result by offset. Other criteria are checked on each entry; a page reads at most {@link #MAX_EXAMINED} entries and
 * then hands back a cursor even if it is short. Pages are cached ({@link SearchCache}).
 */
@Singleton
public class ListingSearch {
    static final int MAX_EXAMINED = 1000;
    private static final String NEAR_CURSOR = "NEAR";

    public record Result(String listingId, String propertyType, String offer, long priceMinor, String currency, Integer rooms,
                         Double areaSqm, String city, String district, double latitude, double longitude, String publishedAt,
                         Double distanceKm) {}

    public record Answer(List<Result> items, String nextCursor) {}

    /** A page and whether it came from the cache. */
    public record Found(JsonNode page, boolean cached) {}

    private final DomusTable table;
    private final SearchCache cache;

    @Inject
    public ListingSearch(DomusTable table, SearchCache cache) {
        this.table = table;
        this.cache = cache;
    }

    public Found search(SearchQuery query) {
        Set<String> scopes = query.near() ? Scopes.cellsAround(query.latitude(), query.longitude(), query.radiusKm()) : Set.of(query.scope());
        String key = SearchCache.key(query.normalised(), query.cursor(), cache.generations(scopes));
        var hit = cache.get(key);
        if (hit.isPresent()) return new Found(Json.read(hit.get(), JsonNode.class), true);
        Answer answer = query.near() ? near(query, scopes) : inScope(query);
        String body = Json.write(answer);
        cache.put(key, body);
        return new Found(Json.read(body, JsonNode.class), false);
    }

    private Answer inScope(SearchQuery query) {
        String pk = SearchEntryItem.pk(query.scope());
        boolean newest = query.sort().equals(SearchQuery.NEWEST);
        QueryConditional condition;
        if (newest) {
            condition = QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue("T#").build());
        } else if (query.priceMin() != null || query.priceMax() != null) {
            condition = QueryConditional.sortBetween(
                    Key.builder().partitionValue(pk).sortValue("P#" + String.format("%016d", query.priceMin() == null ? 0 : query.priceMin())).build(),
                    Key.builder().partitionValue(pk).sortValue("P#" + String.format("%016d", query.priceMax() == null ? 9_999_999_999_999_999L : query.priceMax()) + "#~").build());
        } else {
            condition = QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue("P#").build());
        }
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(condition)
                .scanIndexForward(query.sort().equals(SearchQuery.PRICE_ASC))
                .limit(Math.min(100, query.limit() * 2))
                .exclusiveStartKey(Cursor.decode(query.cursor(), "pk", pk))
                .build();
        Iterator<SearchEntryItem> entries = newest
                ? table.of(SearchEntryItem.class).index(TableItem.GSI1).query(request).stream().flatMap(p -> p.items().stream()).iterator()
                : table.of(SearchEntryItem.class).query(request).items().iterator();
        List<Result> results = new ArrayList<>();
        SearchEntryItem last = null;
        int examined = 0;
        while (results.size() < query.limit() && examined < MAX_EXAMINED && entries.hasNext()) {
            last = entries.next();
            examined++;
            if (query.matches(last)) results.add(result(last, null));
        }
        String next = last != null && entries.hasNext() ? Cursor.encode(keyOf(last, newest)) : null;
        return new Answer(results, next);
    }

    private Answer near(SearchQuery query, Set<String> cells) {
        List<Result> all = new ArrayList<>();
        for (String cell : cells) {
            var items = table.of(SearchEntryItem.class).query(QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(SearchEntryItem.pk(cell)).sortValue("P#").build()))
                    .build()).items();
            for (SearchEntryItem entry : items) {
                double distance = Scopes.distanceKm(query.latitude(), query.longitude(), entry.getLatitude(), entry.getLongitude());
                if (distance <= query.radiusKm() && query.matches(entry)) all.add(result(entry, Math.round(distance * 1000) / 1000.0));
            }
        }
        Comparator<Result> order = switch (query.sort()) {
            case SearchQuery.PRICE_ASC -> Comparator.comparingLong(Result::priceMinor);
            case SearchQuery.PRICE_DESC -> Comparator.comparingLong(Result::priceMinor).reversed();
            case SearchQuery.NEWEST -> Comparator.comparing(Result::publishedAt).reversed();
            default -> Comparator.comparingDouble(Result::distanceKm);
        };
        all.sort(order.thenComparing(Result::listingId));
        int from = 0;
        if (query.cursor() != null) {
            try {
                from = Integer.parseInt(Cursor.decode(query.cursor(), "pk", NEAR_CURSOR).get("o").s());
            } catch (NumberFormatException | NullPointerException e) {
                throw new app.domus.shared.http.ApiException(app.domus.shared.http.ProblemType.INVALID_CURSOR, "Start again from the first page");
            }
        }
        int to = Math.min(all.size(), from + query.limit());
        String next = to < all.size() ? Cursor.encode(Map.of("pk", AttributeValue.fromS(NEAR_CURSOR), "o", AttributeValue.fromS(Integer.toString(to)))) : null;
        return new Answer(from >= all.size() ? List.of() : all.subList(from, to), next);
    }

    private static Map<String, AttributeValue> keyOf(SearchEntryItem e, boolean index) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", AttributeValue.fromS(e.getPk()));
        key.put("sk", AttributeValue.fromS(e.getSk()));
        if (index) {
            key.put("gsi1pk", AttributeValue.fromS(e.getGsi1pk()));
            key.put("gsi1sk", AttributeValue.fromS(e.getGsi1sk()));
        }
        return key;
    }

    private static Result result(SearchEntryItem e, Double distanceKm) {
        return new Result(e.getListingId(), e.getPropertyType(), e.getOffer(), e.getPriceMinor(), e.getCurrency(), e.getRooms(),
                e.getAreaSqm(), e.getCity(), e.getDistrict(), e.getLatitude(), e.getLongitude(), e.getPublishedAt(), distanceKm);
    }
}
