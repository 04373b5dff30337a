package app.domus.listings.search;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingRequests;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The search at the service: the orders of a circle's results, distances, the entries the indexer keeps, the cache. */
class SearchRulesTest {
    private final ListingsFixture f = new ListingsFixture();

    private JsonNode search(String... params) {
        HttpEvents request = HttpEvents.request("GET", "/listings");
        for (int i = 0; i < params.length; i += 2) request.query(params[i], params[i + 1]);
        return f.search.search(SearchQuery.parse(new HttpRequest(request.build(), "t", HttpRequest.DEFAULT_MAX_BODY_BYTES))).page();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("listingId").asText()));
        return ids;
    }

    @Test
    void aCirclesResultsAreSortedAsAskedAndCarryTheirDistanceInMetres() {
        String near = f.published("Berlin", "Mitte", 52.5200, 13.4050, 500_000_00, 3, "apartment");
        f.clock.advance(Duration.ofMinutes(1));
        String middle = f.published("Berlin", "Mitte", 52.5290, 13.4050, 300_000_00, 3, "apartment");
        f.clock.advance(Duration.ofMinutes(1));
        String far = f.published("Berlin", "Mitte", 52.5380, 13.4050, 400_000_00, 1, "house");

        assertThat(ids(search("location", "near:52.5200,13.4050,5"))).containsExactly(near, middle, far);
        assertThat(ids(search("location", "near:52.5200,13.4050,5", "sort", "price_asc"))).containsExactly(middle, far, near);
        assertThat(ids(search("location", "near:52.5200,13.4050,5", "sort", "price_desc"))).containsExactly(near, far, middle);
        assertThat(ids(search("location", "near:52.5200,13.4050,5", "sort", "newest"))).containsExactly(far, middle, near);
        assertThat(ids(search("location", "near:52.5200,13.4050,5", "rooms", "2", "priceMax", "45000000"))).containsExactly(middle);
        assertThat(ids(search("location", "near:52.5200,13.4050,5", "type", "house"))).containsExactly(far);

        JsonNode items = search("location", "near:52.5200,13.4050,5").path("items");
        assertThat(items.get(0).path("distanceKm").asDouble()).isZero();
        assertThat(items.get(1).path("distanceKm").asDouble()).isEqualTo(1.001);
        assertThat(items.get(2).path("distanceKm").asDouble()).isEqualTo(2.002);
        assertThat(items.get(1).path("priceMinor").asLong()).isEqualTo(300_000_00L);
        assertThat(items.get(1).path("city").asText()).isEqualTo("Berlin");
        assertThat(items.get(1).path("rooms").asInt()).isEqualTo(3);
        JsonNode inCity = search("location", "Berlin").path("items").get(0).path("distanceKm");
        assertThat(inCity.isNull() || inCity.isMissingNode()).as("no distance outside a circle").isTrue();
    }

    @Test
    void aCirclesPagesFollowOneAnotherAndABadCursorIsRefused() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) published.add(f.published("Berlin", "Mitte", 52.52 + i * 0.001, 13.405, 100_000_00 + i, 2, "apartment"));

        JsonNode first = search("location", "near:52.52,13.405,3", "limit", "2");
        JsonNode second = search("location", "near:52.52,13.405,3", "limit", "2", "cursor", first.path("nextCursor").asText());
        JsonNode third = search("location", "near:52.52,13.405,3", "limit", "2", "cursor", second.path("nextCursor").asText());

        assertThat(ids(first)).containsExactlyElementsOf(published.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(published.subList(2, 4));
        assertThat(ids(third)).containsExactly(published.get(4));
        assertThat(third.path("nextCursor").isMissingNode() || third.path("nextCursor").isNull()).isTrue();
        String beyond = app.domus.shared.persistence.Cursor.encode(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NEAR"),
                "o", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("9")));
        assertThat(ids(search("location", "near:52.52,13.405,3", "limit", "2", "cursor", beyond))).isEmpty();
        String notANumber = app.domus.shared.persistence.Cursor.encode(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NEAR"),
                "o", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x")));
        assertThat(Refusals.status(() -> search("location", "near:52.52,13.405,3", "cursor", notANumber))).isEqualTo(400);
        String noOffset = app.domus.shared.persistence.Cursor.encode(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NEAR")));
        assertThat(Refusals.status(() -> search("location", "near:52.52,13.405,3", "cursor", noOffset))).isEqualTo(400);
    }

    @Test
    void aCitySortedByPriceIsReadWithinThePriceRangeAndNewestFiltersByPrice() {
        String cheap = f.published("Berlin", null, 52.53, 13.38, 100, 2, "apartment");
        String mid = f.published("Berlin", null, 52.53, 13.38, 200, 2, "apartment");
        String dear = f.published("Berlin", null, 52.53, 13.38, 300, 2, "apartment");

        assertThat(ids(search("location", "Berlin", "sort", "price_asc", "priceMin", "200"))).containsExactly(mid, dear);
        assertThat(ids(search("location", "Berlin", "sort", "price_asc", "priceMax", "200"))).containsExactly(cheap, mid);
        assertThat(ids(search("location", "Berlin", "sort", "price_desc", "priceMin", "100", "priceMax", "100"))).containsExactly(cheap);
        assertThat(ids(search("location", "Berlin", "priceMin", "150", "priceMax", "250"))).containsExactly(mid);
        JsonNode all = search("location", "Berlin", "sort", "price_asc", "limit", "3");
        assertThat(ids(all)).containsExactly(cheap, mid, dear);
        assertThat(all.has("nextCursor") && !all.path("nextCursor").isNull()).as("nothing after the last").isFalse();
        JsonNode newest = search("location", "Berlin", "limit", "2");
        assertThat(ids(newest)).hasSize(2);
        assertThat(ids(search("location", "Berlin", "limit", "2", "cursor", newest.path("nextCursor").asText()))).hasSize(1);
    }

    @Test
    void aPublishedListingIsIndexedUnderItsCityDistrictAndCellsAndAChangeMovesIt() {
        String id = f.published("Berlin", "Mitte", 52.5321, 13.3849, 450_000_00, 3, "apartment");
        IndexedScopesItem indexed = f.table.get(IndexedScopesItem.class, ListingItem.pk(id), IndexedScopesItem.SK).orElseThrow();
        assertThat(indexed.getEntries()).extracting(e -> e.split("\\|")[0])
                .containsExactly("CITY#berlin", "DISTRICT#berlin#mitte", "GEO5#u33db", "GEO6#u33dbe");
        SearchEntryItem entry = f.table.get(SearchEntryItem.class, SearchEntryItem.pk("CITY#berlin"), SearchEntryItem.sk(450_000_00, id)).orElseThrow();
        ListingItem listing = f.listings.find(id).orElseThrow();
        assertThat(entry.getGsi1sk()).isEqualTo(SearchEntryItem.byTime(listing.getPublishedAt(), id));
        assertThat(entry.getAreaSqm()).isEqualTo(50.0);
        assertThat(entry.getOffer()).isEqualTo("sale");
        assertThat(entry.getCurrency()).isEqualTo("EUR");
        assertThat(entry.getDistrict()).isEqualTo("Mitte");

        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(new ListingRequests.Property(null, null, 4, null, null), null, null),
                Optional.empty());
        assertThat(f.indexer.reindex(id)).as("the entries changed in place").containsExactly("CITY#berlin", "DISTRICT#berlin#mitte",
                "GEO5#u33db", "GEO6#u33dbe");
        assertThat(f.table.get(SearchEntryItem.class, SearchEntryItem.pk("CITY#berlin"), SearchEntryItem.sk(450_000_00, id)).orElseThrow().getRooms())
                .isEqualTo(4);
        assertThat(f.indexer.reindex(id)).isEmpty();

        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(new ListingRequests.Property(null,
                new ListingRequests.Address(null, null, "Potsdam", null, 52.39, 13.06), null, null, null), null, null), Optional.empty());
        var touched = f.indexer.reindex(id);
        assertThat(touched).contains("CITY#berlin", "DISTRICT#berlin#mitte", "CITY#potsdam");
        assertThat(f.table.get(IndexedScopesItem.class, ListingItem.pk(id), IndexedScopesItem.SK).orElseThrow().getEntries())
                .extracting(e -> e.split("\\|")[0]).containsExactly("CITY#potsdam", "GEO5#" + app.domus.listings.listings.Geohash.encode(52.39, 13.06, 5),
                        "GEO6#" + app.domus.listings.listings.Geohash.encode(52.39, 13.06, 6));
        assertThat(f.table.all(SearchEntryItem.class, SearchEntryItem.pk("CITY#berlin"), "P#")).isEmpty();

        f.listings.withdraw(caller(f.rita), id);
        f.indexer.reindex(id);
        assertThat(Optional.ofNullable(f.table.get(IndexedScopesItem.class, ListingItem.pk(id), IndexedScopesItem.SK).orElseThrow().getEntries())
                .orElse(List.of())).isEmpty();
        assertThat(f.table.all(SearchEntryItem.class, SearchEntryItem.pk("CITY#potsdam"), "P#")).isEmpty();
        assertThat(f.indexer.reindex("never-published")).isEmpty();
    }

    @Test
    void scopesAndDistancesAreWhatTheyClaim() {
        assertThat(Scopes.city("  New   York ")).isEqualTo("CITY#new york");
        assertThat(Scopes.district("Berlin", " Prenzlauer Berg")).isEqualTo("DISTRICT#berlin#prenzlauer berg");
        assertThat(Scopes.cell("u33db")).isEqualTo("GEO5#u33db");
        assertThat(Scopes.of("Berlin", null, 52.5321, 13.3849)).containsExactly("CITY#berlin", "GEO5#u33db", "GEO6#u33dbe");
        assertThat(Scopes.distanceKm(52.52, 13.405, 52.52, 13.405)).isZero();
        assertThat(Scopes.distanceKm(0, 0, 1, 0)).isCloseTo(111.195, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Scopes.distanceKm(52.5200, 13.4050, 48.8566, 2.3522)).isCloseTo(877.5, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Scopes.cellsAround(52.52, 13.40, 3)).allMatch(c -> c.startsWith("GEO6#"));
        assertThat(Scopes.cellsAround(52.52, 13.40, 3.01)).allMatch(c -> c.startsWith("GEO5#"));
        assertThat(Scopes.cellsAround(89.99, 179.99, 10)).isNotEmpty().allMatch(c -> c.startsWith("GEO5#"));
    }

    @Test
    void aCachedPageExpiresAtItsTtlToTheMillisecondAndItsKeyNamesEverythingItRead() {
        SearchCache cache = new SearchCache(app.domus.shared.testing.LocalDynamo.client(), f.config, f.clock, Duration.ofSeconds(10));
        cache.put("k", "{\"items\":[]}");
        f.clock.advance(Duration.ofMillis(9_999));
        assertThat(cache.get("k")).contains("{\"items\":[]}");
        f.clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.get("never")).isEmpty();

        assertThat(cache.generations(List.of("CITY#a", "CITY#b"))).containsExactlyInAnyOrderEntriesOf(Map.of("CITY#a", 0L, "CITY#b", 0L));
        cache.invalidate(List.of("CITY#a"));
        cache.invalidate(List.of("CITY#a", "CITY#b"));
        assertThat(cache.generations(List.of("CITY#a", "CITY#b", "CITY#c")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CITY#a", 2L, "CITY#b", 1L, "CITY#c", 0L));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) many.add("GEO6#cell" + i);
        cache.invalidate(List.of("GEO6#cell149"));
        assertThat(cache.generations(many)).hasSize(150).containsEntry("GEO6#cell149", 1L).containsEntry("GEO6#cell0", 0L);

        String key = SearchCache.key("q", null, Map.of("b", 1L, "a", 2L));
        assertThat(key).hasSize(64).isEqualTo(SearchCache.key("q", "", new java.util.TreeMap<>(Map.of("a", 2L, "b", 1L))));
        assertThat(SearchCache.key("q", "c", Map.of("a", 2L, "b", 1L))).isNotEqualTo(key);
        assertThat(SearchCache.key("q", null, Map.of("a", 3L, "b", 1L))).isNotEqualTo(key);
    }
}
