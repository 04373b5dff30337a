package app.domus.listings.listings;

import static app.domus.shared.testing.Refusals.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing bodies' checks: each bound on both sides, and the path of the field named. */
class ListingRequestsTest {
    private static ListingRequests.Address at(double latitude, double longitude) {
        return new ListingRequests.Address("Linden 4", "10115", "Berlin", "Mitte", latitude, longitude);
    }

    private static ListingRequests.Property property(Integer rooms, Double areaSqm, List<String> features) {
        return new ListingRequests.Property("apartment", at(52.5, 13.4), rooms, areaSqm, features);
    }

    private static final ListingRequests.Pricing SALE = new ListingRequests.Pricing("sale", 100L, "EUR");

    private static ListingRequests.CreateListing create(ListingRequests.Property property) {
        return new ListingRequests.CreateListing(property, null, SALE, null);
    }

    private static ListingRequests.CreateListing priced(Long amountMinor, String currency) {
        return new ListingRequests.CreateListing(property(3, 50.0, null), null, new ListingRequests.Pricing("rent", amountMinor, currency), null);
    }

    private static ListingRequests.CreateListing withPhotos(List<ListingRequests.PhotoRef> photos) {
        return new ListingRequests.CreateListing(property(3, 50.0, null), null, SALE, photos);
    }

    @Test
    void aWholeListingPasses() {
        assertThat(errors(create(property(3, 50.0, List.of("balcony"))))).isEmpty();
    }

    @Test
    void latitudeAndLongitudeAreBoundedInclusively() {
        assertThat(errors(create(new ListingRequests.Property("house", at(90, 180), 1, null, null)))).isEmpty();
        assertThat(errors(create(new ListingRequests.Property("house", at(-90, -180), 1, null, null)))).isEmpty();
        assertThat(errors(create(new ListingRequests.Property("house", at(90.001, 0), 1, null, null)))).containsExactly("property.address.latitude");
        assertThat(errors(create(new ListingRequests.Property("house", at(-90.001, 0), 1, null, null)))).containsExactly("property.address.latitude");
        assertThat(errors(create(new ListingRequests.Property("house", at(0, 180.001), 1, null, null)))).containsExactly("property.address.longitude");
        assertThat(errors(create(new ListingRequests.Property("house", at(0, -180.001), 1, null, null)))).containsExactly("property.address.longitude");
        var nowhere = new ListingRequests.Address(null, null, "Berlin", null, null, null);
        assertThat(errors(create(new ListingRequests.Property("house", nowhere, 1, null, null))))
                .containsExactly("property.address.latitude", "property.address.longitude");
    }

    @Test
    void anAddressesTextsAreBounded() {
        var address = new ListingRequests.Address("s".repeat(201), "p".repeat(21), "c".repeat(101), "d".repeat(101), 1.0, 1.0);
        assertThat(errors(create(new ListingRequests.Property("house", address, 1, null, null))))
                .containsExactly("property.address.street", "property.address.postcode", "property.address.city", "property.address.district");
        var longest = new ListingRequests.Address("s".repeat(200), "p".repeat(20), "c".repeat(100), "d".repeat(100), 1.0, 1.0);
        assertThat(errors(create(new ListingRequests.Property("house", longest, 1, null, null)))).isEmpty();
        var noCity = new ListingRequests.Address(null, null, " ", null, 1.0, 1.0);
        assertThat(errors(create(new ListingRequests.Property("house", noCity, 1, null, null)))).containsExactly("property.address.city");
    }

    @Test
    void roomsAreZeroToAHundredAndTheAreaMoreThanZeroUpToAMillion() {
        assertThat(errors(create(property(0, 0.01, null)))).isEmpty();
        assertThat(errors(create(property(100, 1_000_000.0, null)))).isEmpty();
        assertThat(errors(create(property(-1, 50.0, null)))).containsExactly("property.rooms");
        assertThat(errors(create(property(101, 50.0, null)))).containsExactly("property.rooms");
        assertThat(errors(create(property(3, 0.0, null)))).containsExactly("property.areaSqm");
        assertThat(errors(create(property(3, 1_000_000.5, null)))).containsExactly("property.areaSqm");
        assertThat(errors(create(property(3, null, null)))).as("the area is optional").isEmpty();
    }

    @Test
    void thirtyFeaturesOfAtMostFortyCharactersAreAllowed() {
        List<String> thirty = new ArrayList<>(Collections.nCopies(30, "f".repeat(40)));
        assertThat(errors(create(property(3, 50.0, thirty)))).isEmpty();
        List<String> thirtyOne = new ArrayList<>(thirty);
        thirtyOne.add("lift");
        assertThat(errors(create(property(3, 50.0, thirtyOne)))).containsExactly("property.features");
        assertThat(errors(create(property(3, 50.0, List.of("lift", "f".repeat(41), " "))))).containsExactly("property.features.1", "property.features.2");
    }

    @Test
    void aNewListingNeedsItsTypeAddressRoomsAndPricing() {
        assertThat(errors(new ListingRequests.CreateListing(null, null, null, null))).containsExactly("property", "pricing");
        assertThat(errors(create(new ListingRequests.Property(null, null, null, null, null))))
                .containsExactly("property.type", "property.address", "property.rooms");
        assertThat(errors(create(new ListingRequests.Property("castle", at(1, 1), 1, null, null)))).containsExactly("property.type");
        assertThat(errors(new ListingRequests.CreateListing(property(1, null, null), null, new ListingRequests.Pricing(null, null, null), null)))
                .containsExactly("pricing.offer", "pricing.amountMinor", "pricing.currency");
        assertThat(errors(new ListingRequests.CreateListing(property(1, null, null), "d".repeat(5001), SALE, null))).containsExactly("description");
        assertThat(errors(new ListingRequests.CreateListing(property(1, null, null), "d".repeat(5000), SALE, null))).isEmpty();
    }

    @Test
    void aPriceIsAtLeastOneMinorUnitAndAtMostTenTrillionInAnIsoCurrency() {
        assertThat(errors(priced(1L, "EUR"))).isEmpty();
        assertThat(errors(priced(ListingRequests.MAX_PRICE_MINOR, "CHF"))).isEmpty();
        assertThat(errors(priced(0L, "EUR"))).containsExactly("pricing.amountMinor");
        assertThat(errors(priced(ListingRequests.MAX_PRICE_MINOR + 1, "EUR"))).containsExactly("pricing.amountMinor");
        assertThat(errors(priced(100L, "eur"))).containsExactly("pricing.currency");
        assertThat(errors(priced(100L, "EURO"))).containsExactly("pricing.currency");
        assertThat(errors(new ListingRequests.CreateListing(property(1, null, null), null, new ListingRequests.Pricing("lease", 1L, "EUR"), null)))
                .containsExactly("pricing.offer");
    }

    @Test
    void aListingTakesTwentyPhotosEachNamingAnUpload() {
        List<ListingRequests.PhotoRef> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) twenty.add(new ListingRequests.PhotoRef("up-" + i));
        assertThat(errors(withPhotos(twenty))).isEmpty();
        assertThat(withPhotos(twenty).uploadIds()).hasSize(20).startsWith("up-0", "up-1").endsWith("up-19");
        List<ListingRequests.PhotoRef> more = new ArrayList<>(twenty);
        more.add(new ListingRequests.PhotoRef("up-20"));
        assertThat(errors(withPhotos(more))).containsExactly("photos");

        List<ListingRequests.PhotoRef> bad = new ArrayList<>();
        bad.add(new ListingRequests.PhotoRef("ok"));
        bad.add(null);
        bad.add(new ListingRequests.PhotoRef("not/an id"));
        bad.add(new ListingRequests.PhotoRef(null));
        assertThat(errors(withPhotos(bad))).containsExactly("photos.1.uploadId", "photos.2.uploadId", "photos.3.uploadId");
        assertThat(withPhotos(null).uploadIds()).isEmpty();
    }

    @Test
    void anEditChangesSomethingAndChecksOnlyWhatItGives() {
        assertThat(errors(new ListingRequests.UpdateListing(null, null, null))).containsExactly("body");
        assertThat(errors(new ListingRequests.UpdateListing(null, "New text", null))).isEmpty();
        assertThat(errors(new ListingRequests.UpdateListing(new ListingRequests.Property(null, null, null, null, null), null, null)))
                .as("a partial property").isEmpty();
        assertThat(errors(new ListingRequests.UpdateListing(null, null, new ListingRequests.Pricing(null, 5L, null)))).isEmpty();
        assertThat(errors(new ListingRequests.UpdateListing(new ListingRequests.Property("castle", null, 101, -1.0, null), null,
                new ListingRequests.Pricing(null, 0L, "eur"))))
                .containsExactly("property.type", "property.rooms", "property.areaSqm", "pricing.amountMinor", "pricing.currency");
        assertThat(errors(new ListingRequests.UpdateListing(null, " ", null))).as("blank text is too short").containsExactly("description");
    }

    @Test
    void aPhotoNamesItsUpload() {
        assertThat(errors(new ListingRequests.AddPhoto("upload-1"))).isEmpty();
        assertThat(errors(new ListingRequests.AddPhoto(null))).containsExactly("uploadId");
        assertThat(errors(new ListingRequests.AddPhoto("../etc"))).containsExactly("uploadId");
    }
}
