package app.domus.listings.search;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.listings.ListingRequests;
import app.domus.shared.testing.HttpEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingSearchTest {
    private final ListingsFixture f = new ListingsFixture();
    private final SearchListingsHandler handler = new SearchListingsHandler(f.search);

    private APIGatewayV2HTTPResponse get(String... params) {
        HttpEvents request = HttpEvents.request("GET", "/listings");
        for (int i = 0; i < params.length; i += 2) request.query(params[i], params[i + 1]);
        return call(handler, request);
    }

    private static List<String> ids(APIGatewayV2HTTPResponse response) {
        List<String> ids = new ArrayList<>();
        json(response).path("items").forEach(i -> ids.add(i.path("listingId").asText()));
        return ids;
    }

    @Test
    void aCityIsSearchedByPriceRoomsAndTypeInTheOrderAskedAndPagedByAnOpaqueCursor() {
        String cheap = f.published("Berlin", "Mitte", 52.53, 13.38, 200_000_00, 2, "apartment");
        String middle = f.published("Berlin", "Pankow", 52.57, 13.40, 350_000_00, 3, "apartment");
        String dear = f.published("berlin ", "Mitte", 52.52, 13.39, 900_000_00, 5, "house");
        f.published("Hamburg", null, 53.55, 9.99, 300_000_00, 3, "apartment");
        f.listings.create(caller(f.rita), new ListingRequests.CreateListing(new ListingRequests.Property("apartment",
                new ListingRequests.Address(null, null, "Berlin", null, 52.5, 13.4), 3, null, null), null,
                new ListingRequests.Pricing("sale", 1L, "EUR"), null));

        assertThat(ids(get("location", "Berlin", "sort", "price_asc"))).as("drafts and other cities left out").containsExactly(cheap, middle, dear);
        assertThat(ids(get("location", "Berlin", "sort", "price_desc", "priceMax", "40000000"))).containsExactly(middle, cheap);
        assertThat(ids(get("location", "Berlin/Mitte", "sort", "price_asc"))).containsExactly(cheap, dear);
        assertThat(ids(get("location", "Berlin", "rooms", "3", "type", "apartment"))).containsExactly(middle);
        assertThat(ids(get("location", "Berlin"))).as("newest first").containsExactly(dear, middle, cheap);

        var first = get("location", "Berlin", "sort", "price_asc", "limit", "2");
        assertThat(ids(first)).containsExactly(cheap, middle);
        String cursor = json(first).path("nextCursor").asText();
        var second = get("location", "Berlin", "sort", "price_asc", "limit", "2", "cursor", cursor);
        assertThat(ids(second)).containsExactly(dear);
        assertThat(json(second).has("nextCursor")).isFalse();
        assertProblem(get("location", "Hamburg", "sort", "price_asc", "limit", "2", "cursor", cursor), 400, "invalid-cursor");
    }

    @Test
    void aCircleFindsWhatLiesWithinItsRadiusNearestFirstAcrossGeohashCells() {
        String near = f.published("Berlin", "Mitte", 52.5200, 13.4050, 300_000_00, 3, "apartment");
        String nextCell = f.published("Berlin", "Mitte", 52.5390, 13.4300, 300_000_00, 3, "apartment");
        f.published("Potsdam", null, 52.3906, 13.0645, 300_000_00, 3, "apartment");

        var found = get("location", "near:52.5205,13.4060,4");
        assertThat(ids(found)).containsExactly(near, nextCell);
        assertThat(json(found).path("items").get(0).path("distanceKm").asDouble()).isLessThan(0.2);
        assertThat(Scopes.cellsAround(52.5205, 13.4060, 4).size()).as("more than one cell read").isGreaterThan(1);
        var paged = get("location", "near:52.5205,13.4060,4", "limit", "1");
        assertThat(ids(paged)).containsExactly(near);
        assertThat(ids(get("location", "near:52.5205,13.4060,4", "limit", "1", "cursor", json(paged).path("nextCursor").asText())))
                .containsExactly(nextCell);
    }

    @Test
    void aSmallCircleReadsFineCellsThatCoverEveryPointWithinIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 3000; i++) {
            double latitude = -60 + random.nextDouble() * 120;
            double longitude = -179 + random.nextDouble() * 358;
            double radius = 0.2 + random.nextDouble() * 2.8;
            var cells = Scopes.cellsAround(latitude, longitude, radius);
            assertThat(cells).allMatch(c -> c.startsWith("GEO6#"));
            // A point inside the circle, at a random bearing and distance.
            double bearing = random.nextDouble() * 2 * Math.PI;
            double distance = radius * Math.sqrt(random.nextDouble()) * 0.999;
            double pointLat = latitude + distance / 111.32 * Math.cos(bearing);
            double pointLon = longitude + distance / (111.32 * Math.cos(Math.toRadians(latitude))) * Math.sin(bearing);
            String cell = Scopes.cell(app.domus.listings.listings.Geohash.encode(pointLat, pointLon, Scopes.FINE_CELL_PRECISION));
            assertThat(cells).as("the cell of a point %.3f km from (%f, %f), radius %.2f", distance, latitude, longitude, radius).contains(cell);
        }
        assertThat(Scopes.cellsAround(52.52, 13.40, 5)).as("beyond 3 km, the coarse cells").allMatch(c -> c.startsWith("GEO5#"));
        assertThat(Scopes.cellsAround(52.52, 13.40, 2).size()).as("cells of a 2 km circle").isBetween(10, 120);
    }

    @Test
    void aTwoKilometreSearchFindsWhatIsWithinItAndNothingBeyond() {
        String within = f.published("Berlin", "Mitte", 52.5200 + 1.9 / 111.32, 13.4050, 300_000_00, 3, "apartment");
        f.published("Berlin", "Mitte", 52.5200 + 2.3 / 111.32, 13.4050, 300_000_00, 3, "apartment");
        String centre = f.published("Berlin", "Mitte", 52.5201, 13.4051, 300_000_00, 3, "apartment");
        assertThat(ids(get("location", "near:52.5200,13.4050,2"))).containsExactly(centre, within);
    }

    @Test
    void aPageIsCachedUntilAListingOfItsScopeChangesOrItsTtlRunsOut() {
        String first = f.published("Berlin", "Mitte", 52.53, 13.38, 200_000_00, 2, "apartment");
        assertThat(get("location", "Berlin").getHeaders()).containsEntry("X-Cache", "miss");
        var cached = get("location", "Berlin");
        assertThat(cached.getHeaders()).containsEntry("X-Cache", "hit");
        assertThat(ids(cached)).containsExactly(first);

        // Hamburg's change leaves Berlin's page cached.
        f.published("Hamburg", null, 53.55, 9.99, 300_000_00, 3, "apartment");
        assertThat(get("location", "Berlin").getHeaders()).containsEntry("X-Cache", "hit");

        String second = f.published("Berlin", "Pankow", 52.57, 13.40, 350_000_00, 3, "apartment");
        var fresh = get("location", "Berlin");
        assertThat(fresh.getHeaders()).containsEntry("X-Cache", "miss");
        assertThat(ids(fresh)).containsExactly(second, first);

        f.listings.withdraw(caller(f.rita), first);
        assertThat(f.indexer.reindex(first)).contains(Scopes.city("Berlin"), Scopes.district("Berlin", "Mitte"));
        assertThat(f.indexer.reindex(first)).as("a repeated event changes nothing").isEmpty();
        assertThat(ids(get("location", "Berlin"))).containsExactly(second);

        assertThat(get("location", "Berlin").getHeaders()).containsEntry("X-Cache", "hit");
        f.clock.advance(Duration.ofMinutes(6));
        assertThat(get("location", "Berlin").getHeaders()).as("after the TTL").containsEntry("X-Cache", "miss");
    }

    @Test
    void aPriceChangeMovesTheEntryAndBadQueriesAreRefused() {
        String id = f.published("Berlin", "Mitte", 52.53, 13.38, 200_000_00, 2, "apartment");
        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, null,
                new ListingRequests.Pricing(null, 500_000_00L, null)), Optional.empty());
        f.indexer.reindex(id);
        assertThat(ids(get("location", "Berlin", "priceMax", "30000000"))).isEmpty();
        JsonNode item = json(get("location", "Berlin", "priceMin", "40000000")).path("items").get(0);
        assertThat(item.path("priceMinor").asLong()).isEqualTo(500_000_00L);

        JsonNode problem = assertProblem(get("sort", "distance", "rooms", "x"), 400, "validation-error");
        assertThat(fieldErrors(problem)).contains("location", "rooms", "sort");
        assertProblem(get("location", "near:95,13,2"), 400, "validation-error");
        assertProblem(get("location", "near:52,13,50"), 400, "validation-error");
    }
}
