package app.domus.listings.listings;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.api.CreateListingHandler;
import app.domus.listings.api.GetListingHandler;
import app.domus.listings.api.PublishListingHandler;
import app.domus.listings.api.UpdateListingHandler;
import app.domus.listings.api.WithdrawListingHandler;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ListingHandlersTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateListingHandler create = new CreateListingHandler(f.listings);
    private final GetListingHandler get = new GetListingHandler(f.listings);
    private final UpdateListingHandler update = new UpdateListingHandler(f.listings);
    private final PublishListingHandler publish = new PublishListingHandler(f.listings);
    private final WithdrawListingHandler withdraw = new WithdrawListingHandler(f.listings);

    private String created(String realtor) {
        var response = call(create, HttpEvents.request("POST", "/listings").body(ListingsFixture.listingJson("Berlin", 450_000_00L, "[]")).as(realtor));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).path("listingId").asText();
    }

    private static HttpEvents on(String method, String path, String listingId) {
        return HttpEvents.request(method, path.replace("{listingId}", listingId)).pathParam("listingId", listingId);
    }

    @Test
    void aRealtorCreatesADraftWithItsEventAndTheGeohashOfItsAddress() {
        var response = call(create, HttpEvents.request("POST", "/listings").body(ListingsFixture.listingJson("Berlin", 450_000_00L, "[]")).as(f.rita));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode listing = json(response);
        assertThat(listing.path("status").asText()).isEqualTo("draft");
        assertThat(listing.path("agencyId").asText()).isEqualTo(f.agencyA);
        assertThat(listing.path("pricing").path("amountMinor").asLong()).isEqualTo(450_000_00L);
        assertThat(listing.path("property").path("address").path("geohash").asText()).isEqualTo("u33dbe4");
        assertThat(listing.path("property").path("features")).extracting(JsonNode::asText).containsExactly("balcony", "lift");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(f.events.types()).containsExactly("ListingCreated");
        assertThat(f.events.last().organisationId()).isEqualTo(f.agencyA);
        assertThat(f.events.last().payload().path("listingId").asText()).isEqualTo(listing.path("listingId").asText());
    }

    @Test
    void aPortalUserWhoIsNoRealtorMayNotCreateListings() {
        f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/listings").body(ListingsFixture.listingJson("Berlin", 100, "[]")).as(f.paula),
                403, "forbidden");
    }

    @Test
    void badListingsAreRefusedFieldByField() {
        String body = """
                {"property":{"type":"castle","address":{"city":"","latitude":91,"longitude":13},"rooms":-1},
                 "pricing":{"offer":"sale","amountMinor":0,"currency":"eur"}}""";
        JsonNode problem = f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/listings").body(body).as(f.rita), 400, "validation-error");
        assertThat(fieldErrors(problem)).contains("property.type", "property.address.city", "property.address.latitude",
                "property.rooms", "pricing.amountMinor", "pricing.currency");
    }

    @Test
    void aPriceChangeIsRecordedWithThePriceBeforeAndAnnounced() {
        String id = created(f.rita);
        f.events.clear();

        var response = call(update, on("PATCH", "/listings/{listingId}", id).header("If-Match", "\"1\"")
                .body("{\"pricing\":{\"amountMinor\":42000000},\"description\":\"Now cheaper\"}").as(f.ada));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode listing = json(response);
        assertThat(listing.path("pricing").path("amountMinor").asLong()).isEqualTo(42_000_000L);
        assertThat(listing.path("priceHistory")).hasSize(1);
        assertThat(listing.path("priceHistory").get(0).path("fromMinor").asLong()).isEqualTo(45_000_000L);
        assertThat(listing.path("priceHistory").get(0).path("toMinor").asLong()).isEqualTo(42_000_000L);
        assertThat(f.events.types()).containsExactly("ListingUpdated");
        JsonNode payload = f.events.last().payload();
        assertThat(payload.path("changes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("description", "price");
        assertThat(payload.path("previousPriceMinor").asLong()).isEqualTo(45_000_000L);
        assertThat(payload.path("listing").path("priceMinor").asLong()).isEqualTo(42_000_000L);

        // A stale If-Match changes nothing.
        var stale = call(update, on("PATCH", "/listings/{listingId}", id).header("If-Match", "\"1\"")
                .body("{\"pricing\":{\"amountMinor\":1}}").as(f.rita));
        assertProblem(stale, 412, "precondition-failed");
        assertThat(f.listings.find(id).orElseThrow().getPriceMinor()).isEqualTo(42_000_000L);
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        String id = created(f.rita);
        f.events.clear();
        var response = call(update, on("PATCH", "/listings/{listingId}", id).body("{\"pricing\":{\"amountMinor\":45000000}}").as(f.rita));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("priceHistory")).isEmpty();
        assertThat(f.events.isEmpty()).isTrue();
    }

    @Test
    void aDraftIsPublishedOnceThenWithdrawnAndThenNoLongerChanges() {
        String id = created(f.rita);
        f.events.clear();

        var published = call(publish, on("POST", "/listings/{listingId}/publish", id).as(f.rita));
        assertThat(published.getStatusCode()).isEqualTo(200);
        assertThat(json(published).path("status").asText()).isEqualTo("published");
        assertThat(json(published).path("publishedAt").isTextual()).isTrue();
        assertThat(f.events.types()).containsExactly("ListingPublished");

        assertProblem(call(publish, on("POST", "/listings/{listingId}/publish", id).as(f.rita)), 409, "invalid-state");

        var withdrawn = call(withdraw, on("POST", "/listings/{listingId}/withdraw", id).as(f.ada));
        assertThat(json(withdrawn).path("status").asText()).isEqualTo("withdrawn");
        assertThat(f.events.types()).containsExactly("ListingPublished", "ListingWithdrawn");
        assertProblem(call(update, on("PATCH", "/listings/{listingId}", id).body("{\"description\":\"again\"}").as(f.rita)), 409, "invalid-state");
        assertProblem(call(withdraw, on("POST", "/listings/{listingId}/withdraw", id).as(f.rita)), 409, "invalid-state");
    }

    @Test
    void aDraftIsTheAgencysOwnAndAPublishedListingIsEveryonesToReadButOnlyTheAgencysToChange() {
        String id = created(f.rita);

        assertProblem(call(get, on("GET", "/listings/{listingId}", id).as(f.paula)), 404, "not-found");
        assertProblem(call(get, on("GET", "/listings/{listingId}", id).as(f.bert)), 404, "not-found");
        assertThat(call(get, on("GET", "/listings/{listingId}", id).as(f.ada)).getStatusCode()).isEqualTo(200);
        assertProblem(call(publish, on("POST", "/listings/{listingId}/publish", id).as(f.bert)), 404, "not-found");

        call(publish, on("POST", "/listings/{listingId}/publish", id).as(f.rita));
        assertThat(call(get, on("GET", "/listings/{listingId}", id).as(f.paula)).getStatusCode()).isEqualTo(200);
        f.assertRefusedUnchanged(update, on("PATCH", "/listings/{listingId}", id).body("{\"description\":\"mine now\"}").as(f.bert),
                403, "forbidden");
        f.assertRefusedUnchanged(withdraw, on("POST", "/listings/{listingId}/withdraw", id).as(f.paula), 403, "forbidden");
    }
}
