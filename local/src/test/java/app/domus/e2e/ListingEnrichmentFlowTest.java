package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 16, AI enrichment: a listing created over HTTP is enriched from its queue (the local provider's model reads the
 * description, ListingEnriched); its realtor sees the suggestions, accepts one, which joins the listing's features
 * (ListingUpdated), and rejects another, which stays off it; a portal user sees none of it.
 */
@ExtendWith(LocalCloudExtension.class)
class ListingEnrichmentFlowTest {
    @Test
    void aNewListingGetsSuggestionsItsRealtorAcceptsOrRejects(LocalCloudClient cloud) throws Exception {
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes"))); // 201, or 409 when another test founded it
        ApiResponse created = cloud.as("technician").header("Idempotency-Key", UUID.randomUUID().toString()).post("/listings", json(Map.of(
                "property", Map.of("type", "apartment", "rooms", 3,
                        "address", Map.of("city", "Lindenau " + UUID.randomUUID().toString().substring(0, 8), "latitude", 51.34, "longitude", 12.33)),
                "description", "Fifth-floor flat reached by lift with a south-facing loggia and a space in the underground car park",
                "pricing", Map.of("offer", "rent", "amountMinor", 1_450_00, "currency", "EUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().path("listingId").asText();

        JsonNode enriched = envelope(cloud.awaitEvent("ListingEnriched", e -> listingId.equals(envelope(e).path("payload").path("listingId").asText())));
        assertThat(enriched.path("payload").path("suggestions").toString()).contains("feature-elevator", "feature-balcony");

        ApiResponse suggestions = conforms("GET", "/listings/{listingId}/suggestions",
                cloud.as("technician").get("/listings/" + listingId + "/suggestions"));
        assertThat(suggestions.status()).as(suggestions.body()).isEqualTo(200);
        assertThat(suggestions.json().path("items").findValuesAsText("suggestionId")).contains("feature-elevator", "feature-balcony");
        assertThat(suggestions.json().path("items").findValuesAsText("source")).containsOnly("local-text-model");

        ApiResponse accepted = conforms("PUT", "/listings/{listingId}/suggestions/{suggestionId}", cloud.as("technician")
                .put("/listings/" + listingId + "/suggestions/feature-elevator", json(Map.of("status", "accepted"))));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        ApiResponse rejected = conforms("PUT", "/listings/{listingId}/suggestions/{suggestionId}", cloud.as("technician")
                .put("/listings/" + listingId + "/suggestions/feature-balcony", json(Map.of("status", "rejected"))));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        cloud.awaitEvent("ListingUpdated", e -> listingId.equals(envelope(e).path("payload").path("listing").path("listingId").asText())
                && envelope(e).path("payload").path("changes").toString().contains("features"));

        JsonNode listing = cloud.as("technician").get("/listings/" + listingId).json();
        assertThat(listing.path("property").path("features").toString()).contains("elevator").doesNotContain("balcony");

        ApiResponse outsider = conforms("GET", "/listings/{listingId}/suggestions", cloud.as("owner").get("/listings/" + listingId + "/suggestions"));
        assertThat(outsider.status()).as("a portal user, of a draft").isEqualTo(404);
        ApiResponse changed = conforms("PUT", "/listings/{listingId}/suggestions/{suggestionId}", cloud.as("technician")
                .put("/listings/" + listingId + "/suggestions/feature-balcony", json(Map.of("status", "accepted"))));
        assertThat(changed.status()).as("a decision changed").isEqualTo(409);
    }
}
