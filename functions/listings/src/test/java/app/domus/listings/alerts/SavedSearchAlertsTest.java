package app.domus.listings.alerts;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.listings.ListingRequests;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.TestContext;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedSearchAlertsTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateSavedSearchHandler create = new CreateSavedSearchHandler(f.savedSearches);
    private final SavedSearchAlertsHandler alerts = new SavedSearchAlertsHandler(f.idempotency, f.savedSearches);

    private void save(String userId, String criteria) {
        var response = call(create, HttpEvents.request("POST", "/saved-searches")
                .body("{\"criteria\":" + criteria + ",\"alertSettings\":{\"frequency\":\"instant\"}}").as(userId));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    }

    /** Publishes and hands the consumer the events written since the last call, as the queue would. */
    private void deliver() {
        List<DomainEvent> events = f.events.all();
        f.events.clear();
        for (DomainEvent event : events) assertThat(SqsEvents.failed(alerts.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
    }

    private List<String> alertedListings(String userId) {
        return f.notifications.ofTemplate(SavedSearches.TEMPLATE).stream().filter(n -> userId.equals(n.userId()))
                .map(n -> n.data().get("listingId")).toList();
    }

    @Test
    void aPublishedListingAlertsTheMatchingSearchesOfItsRegionAndTypeOncePerPerson() {
        save(f.paula, "{\"location\":\"Berlin\",\"type\":\"house\",\"priceMax\":50000000}");
        save(f.paula, "{\"location\":\"berlin/mitte\"}");
        save(f.ada, "{\"location\":\"Berlin\",\"rooms\":5}");
        save(f.bert, "{\"location\":\"Hamburg\"}");
        f.events.clear();

        String house = f.published("Berlin", "Mitte", 52.53, 13.38, 450_000_00, 4, "house");
        deliver();
        String flat = f.published("Berlin", "Pankow", 52.57, 13.40, 300_000_00, 2, "apartment");
        deliver();

        assertThat(alertedListings(f.paula)).as("two of her searches match the house: one alert").containsExactly(house);
        assertThat(alertedListings(f.ada)).as("4 rooms are fewer than she wants").isEmpty();
        assertThat(alertedListings(f.bert)).isEmpty();
        NotificationRequest alert = f.notifications.ofTemplate(SavedSearches.TEMPLATE).getFirst();
        assertThat(alert.id()).isEqualTo("listing-alert:" + f.paula + ":" + house);
        assertThat(alert.data()).containsEntry("price", "450000.00 EUR").containsEntry("place", "Mitte, Berlin");
        assertThat(flat).isNotNull();
    }

    @Test
    void aPriceDropAlertsWhomTheNewPriceNowSuitsButNoOneTwice() {
        String id = f.published("Berlin", "Mitte", 52.53, 13.38, 600_000_00, 3, "apartment");
        save(f.paula, "{\"location\":\"Berlin\",\"priceMax\":50000000}");
        save(f.ada, "{\"location\":\"Berlin\"}");
        f.events.clear();

        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, null, new ListingRequests.Pricing(null, 480_000_00L, null)), Optional.empty());
        deliver();
        assertThat(alertedListings(f.paula)).containsExactly(id);
        assertThat(alertedListings(f.ada)).as("a drop alerts whoever matches now").containsExactly(id);

        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, null, new ListingRequests.Pricing(null, 450_000_00L, null)), Optional.empty());
        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, "A rise now", new ListingRequests.Pricing(null, 700_000_00L, null)), Optional.empty());
        deliver();
        assertThat(f.notifications.ofTemplate(SavedSearches.TEMPLATE)).as("no one alerted twice for one listing").hasSize(2);
    }

    @Test
    void badSavedSearchesAreRefused() {
        var problem = f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/saved-searches")
                .body("{\"criteria\":{\"type\":\"castle\",\"priceMin\":5,\"priceMax\":1},\"alertSettings\":{\"frequency\":\"hourly\"}}").as(f.paula),
                400, "validation-error");
        assertThat(fieldErrors(problem)).contains("criteria.location", "criteria.type", "criteria.priceMax", "alertSettings.frequency");
        f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/saved-searches").body("{}"), 401, "unauthorized");
    }
}
