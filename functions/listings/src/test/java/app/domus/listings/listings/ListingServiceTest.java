package app.domus.listings.listings;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.listings.enrichment.Vocabulary;
import app.domus.listings.photos.ListingPhotoItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.Images;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The listing service itself: what is stored and announced for each change, and who may make it. */
class ListingServiceTest {
    private final ListingsFixture f = new ListingsFixture();
    private final ListingService listings = f.listings;

    private static ListingRequests.Address berlin() {
        return new ListingRequests.Address(" Linden 4 ", " 10115 ", " Berlin ", " Mitte ", 52.5321, 13.3849);
    }

    private static ListingRequests.CreateListing request() {
        return new ListingRequests.CreateListing(
                new ListingRequests.Property("APARTMENT", berlin(), 3, 74.5, List.of(" Balcony ", "balcony", "LIFT")),
                "  Bright flat  ", new ListingRequests.Pricing("SALE", 450_000_00L, "EUR"), null);
    }

    private String created() {
        String id = listings.create(caller(f.rita), request()).listingId();
        f.events.clear();
        return id;
    }

    private ListingView update(String id, ListingRequests.Property property, String description, ListingRequests.Pricing pricing) {
        return listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(property, description, pricing), Optional.empty());
    }

    private List<String> changes() {
        List<String> changes = new ArrayList<>();
        f.events.last().payload().path("changes").forEach(c -> changes.add(c.asText()));
        return changes;
    }

    private static ListingRequests.Property only(String type, ListingRequests.Address address, Integer rooms, Double area, List<String> features) {
        return new ListingRequests.Property(type, address, rooms, area, features);
    }

    @Test
    void aNewListingIsStoredNormalisedAsTheAgencysDraftAndAnnouncedWithItsSnapshot() {
        ListingView view = listings.create(caller(f.rita), request());

        ListingItem stored = listings.find(view.listingId()).orElseThrow();
        assertThat(stored.getPropertyType()).isEqualTo("apartment");
        assertThat(stored.getOffer()).isEqualTo("sale");
        assertThat(stored.getStreet()).isEqualTo("Linden 4");
        assertThat(stored.getPostcode()).isEqualTo("10115");
        assertThat(stored.getCity()).isEqualTo("Berlin");
        assertThat(stored.getDistrict()).isEqualTo("Mitte");
        assertThat(stored.getDescription()).isEqualTo("Bright flat");
        assertThat(stored.getFeatures()).containsExactly("balcony", "lift");
        assertThat(stored.getGeohash()).isEqualTo("u33dbe4");
        assertThat(stored.getStatus()).isEqualTo(ListingService.DRAFT);
        assertThat(stored.getAgencyId()).isEqualTo(f.agencyA);
        assertThat(stored.getRealtorId()).isEqualTo(f.rita);
        assertThat(stored.getCreatedAt()).isEqualTo(f.clock.instant().toString()).isEqualTo(stored.getUpdatedAt());
        assertThat(stored.getGsi1sk()).isEqualTo("LISTING#" + stored.getCreatedAt() + "#" + stored.getId());
        assertThat(stored.getPublishedAt()).isNull();
        assertThat(view.version()).isEqualTo(1L);
        assertThat(view.tags()).isEmpty();
        assertThat(view.analytics()).isNull();

        JsonNode snapshot = f.events.last().payload();
        assertThat(f.events.last().type()).isEqualTo(ListingEvents.CREATED);
        assertThat(snapshot.path("status").asText()).isEqualTo("draft");
        assertThat(snapshot.path("city").asText()).isEqualTo("Berlin");
        assertThat(snapshot.path("district").asText()).isEqualTo("Mitte");
        assertThat(snapshot.path("priceMinor").asLong()).isEqualTo(450_000_00L);
        assertThat(snapshot.path("rooms").asInt()).isEqualTo(3);
        assertThat(snapshot.path("areaSqm").asDouble()).isEqualTo(74.5);
        assertThat(snapshot.path("realtorId").asText()).isEqualTo(f.rita);
    }

    @Test
    void eachKindOfChangeIsNamedInTheEvent() {
        String id = created();

        update(id, only("house", null, null, null, null), null, null);
        assertThat(changes()).containsExactly("type");
        update(id, only(null, null, 4, null, null), null, null);
        assertThat(changes()).containsExactly("rooms");
        update(id, only(null, null, null, 80.0, null), null, null);
        assertThat(changes()).containsExactly("areaSqm");
        update(id, only(null, null, null, null, List.of("garden")), null, null);
        assertThat(changes()).containsExactly("features");
        update(id, null, null, new ListingRequests.Pricing("rent", null, null));
        assertThat(changes()).containsExactly("offer");
        update(id, null, null, new ListingRequests.Pricing(null, null, "CHF"));
        assertThat(changes()).as("a currency alone is a price change").containsExactly("price");
        assertThat(f.events.last().payload().path("previousPriceMinor").asLong()).isEqualTo(450_000_00L);
        assertThat(f.events.last().payload().path("previousCurrency").asText()).isEqualTo("EUR");
        update(id, null, "Another text", null);
        assertThat(changes()).containsExactly("description");
        assertThat(f.events.last().payload().path("previousPriceMinor").isMissingNode()
                || f.events.last().payload().path("previousPriceMinor").isNull()).as("no price before when it did not change").isTrue();
        assertThat(f.events.size()).isEqualTo(7);
        assertThat(listings.find(id).orElseThrow().getVersion()).isEqualTo(8L);
    }

    @Test
    void anAddressChangesByAnyOfItsPartsAndTheSameAddressIsNoChange() {
        String id = created();
        int before = f.events.size();

        update(id, only(null, berlin(), null, null, null), null, null);
        assertThat(f.events.size()).as("the same address, written with spaces").isEqualTo(before);

        update(id, only(null, new ListingRequests.Address("Linden 5", "10115", "Berlin", "Mitte", 52.5321, 13.3849), null, null, null), null, null);
        assertThat(changes()).containsExactly("address");
        update(id, only(null, new ListingRequests.Address("Linden 5", "10117", "Berlin", "Mitte", 52.5321, 13.3849), null, null, null), null, null);
        assertThat(changes()).containsExactly("address");
        update(id, only(null, new ListingRequests.Address("Linden 5", "10117", "Berlin", "Tiergarten", 52.5321, 13.3849), null, null, null), null, null);
        assertThat(changes()).containsExactly("address");
        update(id, only(null, new ListingRequests.Address("Linden 5", "10117", "Potsdam", "Tiergarten", 52.5321, 13.3849), null, null, null), null, null);
        assertThat(changes()).containsExactly("address");
        update(id, only(null, new ListingRequests.Address("Linden 5", "10117", "Potsdam", "Tiergarten", 52.40, 13.06), null, null, null), null, null);
        assertThat(changes()).containsExactly("address");
        assertThat(listings.find(id).orElseThrow().getGeohash()).isEqualTo(Geohash.encode(52.40, 13.06, Geohash.PRECISION));
        assertThat(f.events.size()).isEqualTo(before + 5);

        update(id, null, "  Bright flat ", new ListingRequests.Pricing("sale", 450_000_00L, "EUR"));
        assertThat(f.events.size()).as("the same description and price").isEqualTo(before + 5);
    }

    @Test
    void aPriceChangeIsKeptWithWhoChangedItAndTheVersionItMade() {
        String id = created();
        f.clock.advance(Duration.ofMinutes(3));

        ListingView view = listings.update(caller(f.ada), id, new ListingRequests.UpdateListing(null, null,
                new ListingRequests.Pricing(null, 430_000_00L, null)), Optional.of(1L));

        assertThat(view.version()).isEqualTo(2L);
        assertThat(view.updatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(view.priceHistory()).containsExactly(new ListingView.PriceChange(450_000_00L, 430_000_00L, "EUR", f.clock.instant().toString()));
        PriceChangeItem change = f.table.all(PriceChangeItem.class, ListingItem.pk(id), "PRICE#").getFirst();
        assertThat(change.getSk()).isEqualTo(PriceChangeItem.sk(f.clock.instant().toString(), 2L));
        assertThat(change.getChangedBy()).isEqualTo(f.ada);
        assertThat(change.getListingId()).isEqualTo(id);

        assertThat(Refusals.status(() -> listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, "x", null), Optional.of(1L))))
                .isEqualTo(412);
        assertThat(Refusals.status(() -> listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null, "x", null), Optional.of(2L))))
                .isEqualTo(200);
        assertThat(listings.find(id).orElseThrow().getVersion()).isEqualTo(3L);
    }

    @Test
    void anEditThatChangesNothingAnswersTheListingAsItIs() {
        String id = created();
        ListingView same = update(id, null, "Bright flat", null);
        assertThat(same.version()).isEqualTo(1L);
        assertThat(same.description()).isEqualTo("Bright flat");
        assertThat(f.events.isEmpty()).isTrue();
    }

    @Test
    void theAgencySeesTheAnalyticsAndOthersReadsAreCountedAsViews() {
        String id = created();
        listings.publish(caller(f.rita), id);
        listings.get(caller(f.paula), id);
        listings.get(caller(f.bert), id);
        assertThat(listings.get(caller(f.paula), id).analytics()).isNull();

        assertThat(listings.get(caller(f.ada), id).analytics()).isEqualTo(new ListingStats.Analytics(3, 0));
        assertThat(listings.get(caller(f.rita), id).analytics()).as("the agency's reads are no views").isEqualTo(new ListingStats.Analytics(3, 0));
        assertThat(f.stats.of("never-read")).isEqualTo(new ListingStats.Analytics(0, 0));
    }

    @Test
    void onlyAPublishedListingIsThereForInquiries() {
        String id = created();
        assertThat(Refusals.status(() -> listings.published(id))).isEqualTo(404);
        assertThat(Refusals.status(() -> listings.published("unknown"))).isEqualTo(404);
        listings.publish(caller(f.rita), id);
        assertThat(listings.published(id).getId()).isEqualTo(id);
        listings.withdraw(caller(f.rita), id);
        assertThat(Refusals.status(() -> listings.published(id))).isEqualTo(404);
    }

    @Test
    void publishingAndWithdrawingSetTheirTimesAndAreRefusedFromTheWrongState() {
        String id = created();
        assertThat(Refusals.detail(() -> listings.withdraw(caller(f.rita), id))).isEqualTo("Only a published listing can be withdrawn");
        assertThat(Refusals.status(() -> listings.withdraw(caller(f.rita), id))).isEqualTo(409);

        f.clock.advance(Duration.ofHours(1));
        ListingView published = listings.publish(caller(f.rita), id);
        assertThat(published.publishedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(published.withdrawnAt()).isNull();
        assertThat(published.version()).isEqualTo(2L);
        assertThat(f.events.last().payload().path("status").asText()).isEqualTo("published");

        f.clock.advance(Duration.ofHours(1));
        ListingView withdrawn = listings.withdraw(caller(f.ada), id);
        assertThat(withdrawn.withdrawnAt()).isEqualTo(f.clock.instant().toString());
        assertThat(withdrawn.publishedAt()).isEqualTo(published.publishedAt());
        assertThat(withdrawn.version()).isEqualTo(3L);
        assertThat(Refusals.detail(() -> listings.publish(caller(f.rita), id))).isEqualTo("Only a draft can be published");
        assertThat(Refusals.detail(() -> update(id, null, "again", null))).isEqualTo("A withdrawn listing cannot be changed");
        assertThat(Refusals.status(() -> listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(f.sentUpload(f.rita, Images.jpeg())))))
                .isEqualTo(409);
        assertThat(f.events.types()).containsExactly(ListingEvents.PUBLISHED, ListingEvents.WITHDRAWN);
    }

    @Test
    void whoMayChangeAListing() {
        String id = created();
        assertThat(Refusals.status(() -> listings.ownedBy(caller(f.ada), id).getId())).isEqualTo(200);
        assertThat(Refusals.status(() -> listings.ownedBy(caller(f.bert), id))).as("a draft of another agency").isEqualTo(404);
        listings.publish(caller(f.rita), id);
        assertThat(Refusals.status(() -> listings.ownedBy(caller(f.bert), id))).isEqualTo(403);
        assertThat(Refusals.status(() -> listings.ownedBy(caller(f.paula), id))).isEqualTo(403);
        assertThat(Refusals.status(() -> listings.get(caller(f.paula), "unknown"))).isEqualTo(404);
    }

    @Test
    void aPhotoGoesAfterTheLastAndAListingTakesAtMostTwentyPhotos() {
        String id = created();
        var first = listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(f.sentUpload(f.rita, Images.jpeg())));
        var second = listings.addPhoto(caller(f.ada), id, new ListingRequests.AddPhoto(f.sentUpload(f.ada, Images.jpeg())));
        assertThat(first.position()).isEqualTo(1);
        assertThat(second.position()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(ListingPhotoItem.PROCESSING);
        assertThat(f.events.last().payload().path("changes").get(0).asText()).isEqualTo("photos");

        for (int i = 3; i <= ListingRequests.MAX_PHOTOS; i++) {
            listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(f.sentUpload(f.rita, Images.jpeg())));
        }
        assertThat(f.photos.of(id)).hasSize(20).extracting(ListingPhotoItem::getPosition).endsWith(19, 20);
        String another = f.sentUpload(f.rita, Images.jpeg());
        assertThat(Refusals.status(() -> listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(another)))).isEqualTo(422);
        assertThat(Refusals.detail(() -> listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(another))))
                .isEqualTo("A listing has at most 20 photos");
    }

    @Test
    void anImportedListingIsCreatedAsADraftOrPublishedAtOnceWithItsPhotosAndTheImportersItems() {
        AtomicReference<String> told = new AtomicReference<>();
        String draft = listings.createImported(f.agencyA, f.ada, request(), List.of(Images.jpeg()), false, (t, listingId) -> told.set(listingId));
        assertThat(told.get()).isEqualTo(draft);
        assertThat(listings.find(draft).orElseThrow().getStatus()).isEqualTo("draft");
        assertThat(listings.find(draft).orElseThrow().getPublishedAt()).isNull();
        assertThat(f.events.types()).containsExactly(ListingEvents.CREATED);
        assertThat(f.photos.of(draft)).singleElement().satisfies(p -> assertThat(p.getPosition()).isEqualTo(1));

        f.events.clear();
        String published = listings.createImported(f.agencyA, f.ada, request(), List.of(), true, (t, listingId) -> { });
        ListingItem item = listings.find(published).orElseThrow();
        assertThat(item.getStatus()).isEqualTo("published");
        assertThat(item.getPublishedAt()).isEqualTo(item.getCreatedAt());
        assertThat(item.getRealtorId()).isEqualTo(f.ada);
        assertThat(f.events.types()).containsExactly(ListingEvents.CREATED, ListingEvents.PUBLISHED);
        assertThat(f.events.last().payload().path("status").asText()).isEqualTo("published");
    }

    @Test
    void anImportWhoseTransactionFailsLeavesNoPhotoBehind() {
        String id = created();
        ListingItem existing = listings.find(id).orElseThrow();
        int objects = f.media.objects().size();
        int items = f.itemCount();

        // The importer's items clash with what is there: the whole transaction is cancelled.
        int status = Refusals.status(() -> listings.createImported(f.agencyA, f.ada, request(), List.of(Images.jpeg(), Images.jpeg()), false,
                (t, listingId) -> {
                    ListingItem clash = new ListingItem();
                    clash.setPk(existing.getPk());
                    clash.setSk(existing.getSk());
                    clash.setId(existing.getId());
                    t.addPutItem(f.table.of(ListingItem.class), clash);
                }));

        assertThat(status).isEqualTo(409);
        assertThat(f.media.objects()).as("the photos stored for it are removed").hasSize(objects);
        assertThat(f.itemCount()).isEqualTo(items);
    }

    @Test
    void anImportedUpdateSaysWhetherTheListingChangedAndLeavesAWithdrawnOneAsItIs() {
        String id = created();
        List<Boolean> told = new ArrayList<>();
        // The importer always writes its own items with the listing's (here: a record of what was done).
        java.util.function.BiConsumer<software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest.Builder, Boolean> record =
                (t, changed) -> {
                    told.add(changed);
                    var outcome = new app.domus.listings.imports.ImportOutcomeItem();
                    outcome.setPk("IMPORTRUN#test");
                    outcome.setSk("PAGE#00000#ITEM#" + told.size());
                    outcome.setOutcome(changed ? "updated" : "unchanged");
                    t.addPutItem(f.table.of(app.domus.listings.imports.ImportOutcomeItem.class), outcome);
                };

        assertThat(listings.updateImported(id, f.ada, new ListingRequests.UpdateListing(null, "Bright flat", null), record))
                .isFalse();
        assertThat(listings.updateImported(id, f.ada, new ListingRequests.UpdateListing(null, "Brighter", null), record))
                .isTrue();
        assertThat(listings.find(id).orElseThrow().getDescription()).isEqualTo("Brighter");
        listings.publish(caller(f.rita), id);
        listings.withdraw(caller(f.rita), id);
        assertThat(listings.updateImported(id, f.ada, new ListingRequests.UpdateListing(null, "Again", null), record))
                .isFalse();
        assertThat(listings.find(id).orElseThrow().getDescription()).isEqualTo("Brighter");
        assertThat(told).containsExactly(false, true, false);
        assertThat(Refusals.status(() -> listings.updateImported("unknown", f.ada, new ListingRequests.UpdateListing(null, "x", null), (t, c) -> { })))
                .isEqualTo(404);
    }

    @Test
    void aListingChangedWhileAnImportedUpdateWasWrittenIsAConflict() {
        String id = created();
        int status = Refusals.status(() -> listings.updateImported(id, f.ada, new ListingRequests.UpdateListing(null, "Meanwhile", null),
                (t, changed) -> {
                    // Someone else writes the listing between the read and the write.
                    ListingItem other = listings.find(id).orElseThrow();
                    other.setDescription("Theirs");
                    f.table.of(ListingItem.class).updateItem(other);
                }));
        assertThat(status).isEqualTo(409);
        assertThat(Refusals.detail(() -> listings.updateImported(id, f.ada, new ListingRequests.UpdateListing(null, "Again", null),
                (t, changed) -> {
                    ListingItem other = listings.find(id).orElseThrow();
                    other.setDescription("Theirs again");
                    f.table.of(ListingItem.class).updateItem(other);
                }))).isEqualTo("The listing was changed at the same time; read it and try again");
        assertThat(listings.find(id).orElseThrow().getDescription()).isEqualTo("Theirs again");
    }

    @Test
    void anAcceptedLabelJoinsTheFeaturesOrTheTagsOnce() {
        String id = created();
        listings.addLabel(listings.find(id).orElseThrow(), new Vocabulary.Label(Vocabulary.Kind.FEATURE, "garden"), t -> { });
        assertThat(listings.find(id).orElseThrow().getFeatures()).containsExactly("balcony", "lift", "garden");
        assertThat(changes()).containsExactly("features");

        listings.addLabel(listings.find(id).orElseThrow(), new Vocabulary.Label(Vocabulary.Kind.TAG, "quiet"), t -> { });
        listings.addLabel(listings.find(id).orElseThrow(), new Vocabulary.Label(Vocabulary.Kind.TAG, "quiet"), t -> { });
        ListingItem item = listings.find(id).orElseThrow();
        assertThat(item.getTags()).containsExactly("quiet");
        assertThat(item.getFeatures()).containsExactly("balcony", "lift", "garden");
        assertThat(changes()).containsExactly("tags");
        assertThat(listings.get(caller(f.rita), id).tags()).containsExactly("quiet");

        ListingItem stale = listings.find(id).orElseThrow();
        listings.addLabel(listings.find(id).orElseThrow(), new Vocabulary.Label(Vocabulary.Kind.TAG, "bright"), t -> { });
        assertThat(Refusals.status(() -> {
            listings.addLabel(stale, new Vocabulary.Label(Vocabulary.Kind.TAG, "cosy"), t -> { });
            return null;
        })).as("the listing changed since it was read").isEqualTo(409);

        listings.publish(caller(f.rita), id);
        listings.withdraw(caller(f.rita), id);
        assertThat(Refusals.status(() -> {
            listings.addLabel(listings.find(id).orElseThrow(), new Vocabulary.Label(Vocabulary.Kind.TAG, "cosy"), t -> { });
            return null;
        })).isEqualTo(409);
        List<DomainEvent> updates = f.events.ofType(ListingEvents.UPDATED);
        assertThat(updates).hasSize(4);
    }
}
