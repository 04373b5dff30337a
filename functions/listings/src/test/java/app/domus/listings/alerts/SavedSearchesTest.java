package app.domus.listings.alerts;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.listings.listings.ListingEvents;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saved searches at the service: which listings match whom, what an alert and a digest say, and the consumers' choices. */
class SavedSearchesTest {
    private final ListingsFixture f = new ListingsFixture();
    private final SavedSearches searches = f.savedSearches;
    private final SavedSearchAlertsHandler consumer = new SavedSearchAlertsHandler(f.idempotency, searches);

    private String save(String userId, String location, String type, Long priceMin, Long priceMax, Integer rooms, String frequency) {
        return searches.create(caller(userId), new SavedSearchRequest(new SavedSearchRequest.Criteria(location, type, priceMin, priceMax, rooms),
                new SavedSearchRequest.AlertSettings(frequency))).savedSearchId();
    }

    private static ListingEvents.Snapshot listing(String id, String type, String city, String district, long priceMinor, String currency,
                                                  Integer rooms) {
        return new ListingEvents.Snapshot(id, "agency", "realtor", "published", type, "sale", priceMinor, currency, city, district,
                52.5, 13.4, "u33dbe4", rooms, 60.0);
    }

    private static ListingEvents.Snapshot flat(String id, long priceMinor, Integer rooms) {
        return listing(id, "apartment", "Berlin", "Mitte", priceMinor, "EUR", rooms);
    }

    private static SavedSearchItem criteria(Long priceMin, Long priceMax, Integer rooms) {
        SavedSearchItem s = new SavedSearchItem();
        s.setPriceMin(priceMin);
        s.setPriceMax(priceMax);
        s.setRooms(rooms);
        return s;
    }

    private List<NotificationRequest> alerts() {
        return f.notifications.ofTemplate(SavedSearches.TEMPLATE);
    }

    private List<NotificationRequest> digests() {
        return f.notifications.ofTemplate(SavedSearches.DIGEST_TEMPLATE);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void aSearchMatchesPricesWithinItsBoundsInclusiveAndAtLeastItsRooms() {
        assertThat(SavedSearches.matches(criteria(100L, 200L, 3), flat("l", 100, 3))).isTrue();
        assertThat(SavedSearches.matches(criteria(100L, 200L, 3), flat("l", 200, 4))).isTrue();
        assertThat(SavedSearches.matches(criteria(100L, 200L, 3), flat("l", 99, 3))).isFalse();
        assertThat(SavedSearches.matches(criteria(100L, 200L, 3), flat("l", 201, 3))).isFalse();
        assertThat(SavedSearches.matches(criteria(100L, 200L, 3), flat("l", 150, 2))).isFalse();
        assertThat(SavedSearches.matches(criteria(null, null, 3), flat("l", 150, null))).as("rooms unknown").isFalse();
        assertThat(SavedSearches.matches(criteria(null, null, null), flat("l", 150, null))).isTrue();
    }

    @Test
    void aSavedSearchIsShownAsGivenWithItsTypeInLowerCase() {
        var view = searches.create(caller(f.paula), new SavedSearchRequest(new SavedSearchRequest.Criteria(" Berlin / Mitte ", "HOUSE", 1L, 9L, 2),
                new SavedSearchRequest.AlertSettings("daily")));
        assertThat(view.location()).isEqualTo("Berlin/Mitte");
        assertThat(view.type()).isEqualTo("house");
        assertThat(view.priceMin()).isEqualTo(1L);
        assertThat(view.priceMax()).isEqualTo(9L);
        assertThat(view.rooms()).isEqualTo(2);
        assertThat(view.frequency()).isEqualTo("daily");
        assertThat(view.createdAt()).isEqualTo(f.clock.instant().toString());
        assertThat(view.unsubscribedAt()).isNull();
        SavedSearchItem stored = f.table.get(SavedSearchItem.class, SavedSearchItem.pk(view.savedSearchId()), SavedSearchItem.SK).orElseThrow();
        assertThat(stored.getUserId()).isEqualTo(f.paula);
        assertThat(stored.getGsi1pk()).isEqualTo("SSMATCH#DISTRICT#berlin#mitte#house");
        assertThat(searches.create(caller(f.paula), new SavedSearchRequest(new SavedSearchRequest.Criteria("Berlin", null, null, null, null),
                new SavedSearchRequest.AlertSettings("instant"))).location()).isEqualTo("Berlin");
    }

    @Test
    void aListingFindsTheSearchesOfItsCityAndDistrictOfItsTypeOrAnyAndNoOthers() {
        save(f.paula, "Berlin", null, null, null, null, "instant");
        save(f.ada, "Berlin/Mitte", "apartment", null, null, null, "instant");
        save(f.bert, "Berlin/Pankow", null, null, null, null, "instant");
        String rita = save(f.rita, "Berlin", "house", null, null, null, "instant");
        String other = f.user("Otto");
        save(other, "Hamburg", null, null, null, null, "instant");

        List<String> alerted = searches.alert(flat("L1", 250_000_00, 3));

        assertThat(alerted).containsExactlyInAnyOrder(f.paula, f.ada);
        assertThat(searches.alert(flat("L1", 250_000_00, 3))).as("each person once per listing").isEmpty();
        assertThat(searches.alert(listing("L2", "house", "Berlin", null, 1, "EUR", 1))).containsExactlyInAnyOrder(f.paula, f.rita);
        assertThat(alerts()).hasSize(4);
        assertThat(rita).isNotNull();
    }

    @Test
    void anInstantAlertSaysWhatTheListingIsAndHowToUnsubscribe() {
        String id = save(f.paula, "Tokyo", null, null, null, null, "instant");

        searches.alert(listing("L-JP", "house", "Tokyo", null, 150_000_000, "JPY", null));

        NotificationRequest alert = alerts().getFirst();
        assertThat(alert.id()).isEqualTo("listing-alert:" + f.paula + ":L-JP");
        assertThat(alert.userId()).isEqualTo(f.paula);
        assertThat(alert.category()).isEqualTo(app.domus.shared.notify.Category.LISTINGS);
        assertThat(alert.data()).containsEntry("type", "house").containsEntry("place", "Tokyo").containsEntry("price", "150000000 JPY")
                .containsEntry("offer", "sale").containsEntry("rooms", "?").containsEntry("listingId", "L-JP").containsEntry("savedSearchId", id);
        String token = alert.data().get("unsubscribeToken");
        assertThat(alert.data()).containsEntry("unsubscribeUrl", "/saved-searches/" + id + "/unsubscribe?token=" + token);
        UnsubscribeTokenItem kept = f.table.all(UnsubscribeTokenItem.class, SavedSearchItem.pk(id), UnsubscribeTokenItem.SK_PREFIX).getFirst();
        assertThat(kept.getTtl()).isEqualTo(f.clock.instant().plus(Duration.ofDays(SavedSearches.UNSUBSCRIBE_LINK_DAYS)).getEpochSecond());
        AlertedItem done = f.table.get(AlertedItem.class, AlertedItem.pk(f.paula), AlertedItem.sk("L-JP")).orElseThrow();
        assertThat(done.getSavedSearchId()).isEqualTo(id);
        assertThat(done.getAlertedAt()).isEqualTo(f.clock.instant().toString());

        searches.alert(listing("L-EU", "apartment", "Tokyo", "Shibuya", 12_345, "EUR", 2));
        assertThat(alerts().getLast().data()).containsEntry("price", "123.45 EUR").containsEntry("place", "Shibuya, Tokyo").containsEntry("rooms", "2");
    }

    @Test
    void aPersonWithAnInstantAndADailySearchThatBothMatchIsAlertedAtOnceWhicheverCameFirst() {
        save(f.paula, "Berlin", null, null, null, null, "daily");
        save(f.paula, "Berlin/Mitte", null, null, null, null, "instant");
        save(f.ada, "Berlin", null, null, null, null, "instant");
        save(f.ada, "Berlin/Mitte", null, null, null, null, "daily");

        assertThat(searches.alert(flat("L1", 100, 1))).containsExactlyInAnyOrder(f.paula, f.ada);

        assertThat(alerts()).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.paula, f.ada);
        assertThat(searches.sendDigests(today())).isEqualTo(new SavedSearches.DigestRun(today().toString(), 0, 0, 0));
    }

    @Test
    void aDailyDigestListsTheDaysMatchesOneLineEachAndIsSentOnce() {
        String daily = save(f.paula, "Berlin/Mitte", null, null, null, null, "daily");
        String other = save(f.ada, "Berlin", null, 100_000_00L, null, null, "daily");

        assertThat(searches.alert(flat("L1", 250_000_00, 3))).containsExactlyInAnyOrder(f.paula, f.ada);
        assertThat(searches.alert(flat("L1", 250_000_00, 3))).as("already in the digest").isEmpty();
        searches.alert(listing("L2", "house", "Berlin", "Mitte", 99_900, "EUR", null));
        assertThat(alerts()).isEmpty();
        DigestEntryItem entry = f.table.all(DigestEntryItem.class, SavedSearchItem.pk(daily), "DIGEST#").getFirst();
        assertThat(entry.getDay()).isEqualTo(today().toString());
        assertThat(entry.getTtl()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)).getEpochSecond());

        SavedSearches.DigestRun run = searches.sendDigests(today());

        assertThat(run).isEqualTo(new SavedSearches.DigestRun(today().toString(), 2, 2, 0));
        NotificationRequest digest = digests().stream().filter(d -> d.userId().equals(f.paula)).findFirst().orElseThrow();
        assertThat(digest.id()).isEqualTo("listing-digest:" + daily + ":" + today());
        assertThat(digest.data()).containsEntry("count", "2").containsEntry("day", today().toString()).containsEntry("search", "Berlin/Mitte")
                .containsEntry("listingIds", "L1,L2").containsEntry("savedSearchId", daily);
        assertThat(digest.data().get("listings")).isEqualTo(
                "- apartment for sale in Mitte, Berlin, 3 rooms, 250000.00 EUR: /listings/L1\n"
                        + "- house for sale in Mitte, Berlin, ? rooms, 999.00 EUR: /listings/L2");
        NotificationRequest adas = digests().stream().filter(d -> d.userId().equals(f.ada)).findFirst().orElseThrow();
        assertThat(adas.data()).containsEntry("count", "1").containsEntry("search", "Berlin").containsEntry("listingIds", "L1");
        assertThat(f.table.get(DigestSentItem.class, SavedSearchItem.pk(other), DigestSentItem.sk(today().toString()))).isPresent();

        assertThat(searches.sendDigests(today())).isEqualTo(new SavedSearches.DigestRun(today().toString(), 2, 0, 0));
        assertThat(digests()).hasSize(2);
        assertThat(searches.sendDigests(today().plusDays(1))).isEqualTo(new SavedSearches.DigestRun(today().plusDays(1).toString(), 0, 0, 0));
    }

    @Test
    void aDigestThatCouldNotBeSentIsCountedFailedAndTheScheduledRunFailsAfterTheOthers() {
        save(f.paula, "Berlin", null, null, null, null, "daily");
        searches.alert(flat("L1", 100, 1));
        var handler = new SendAlertDigestsHandler(searches, f.clock);
        String scheduled = today().plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC).toString();

        f.notifications.down = true;
        assertThat(searches.sendDigests(today())).isEqualTo(new SavedSearches.DigestRun(today().toString(), 1, 0, 1));
        assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", scheduled), new TestContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("1 of 1 digests of " + today() + " were not sent");

        f.notifications.down = false;
        Map<String, Object> done = handler.handleRequest(Map.of("scheduledTime", scheduled), new TestContext());
        assertThat(done).containsEntry("day", today().toString()).containsEntry("searches", 1).containsEntry("sent", 1);
    }

    @Test
    void theScheduledRunSendsTheDayBeforeItsScheduleOrBeforeTheClock() {
        var handler = new SendAlertDigestsHandler(searches, f.clock);
        assertThat(handler.day(Map.of("scheduledTime", "2026-07-01T00:05:00Z"))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(handler.day(Map.of("scheduledTime", "2026-07-01T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(handler.day(null)).isEqualTo(today().minusDays(1));
        assertThat(handler.day(Map.of())).isEqualTo(today().minusDays(1));
        assertThatThrownBy(() -> handler.day(Map.of("scheduledTime", "yesterday"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void anUnsubscribedSearchIsOutOfTheMatchesAndItsLinkAnswersTheSameAgain() {
        String id = save(f.paula, "Berlin", null, null, null, null, "instant");
        searches.alert(flat("L1", 100, 1));
        String token = alerts().getFirst().data().get("unsubscribeToken");

        assertThat(Refusals.status(() -> searches.unsubscribe(id, null))).isEqualTo(404);
        assertThat(Refusals.status(() -> searches.unsubscribe(id, "  "))).isEqualTo(404);
        assertThat(Refusals.status(() -> searches.unsubscribe(id, token + "x".repeat(101 - token.length())))).isEqualTo(404);
        assertThat(Refusals.status(() -> searches.unsubscribe("unknown", token))).isEqualTo(404);

        var first = searches.unsubscribe(id, token);
        assertThat(first.unsubscribedAt()).isEqualTo(f.clock.instant().toString());
        f.clock.advance(Duration.ofHours(1));
        assertThat(searches.unsubscribe(id, token)).isEqualTo(first);
        SavedSearchItem stored = f.table.get(SavedSearchItem.class, SavedSearchItem.pk(id), SavedSearchItem.SK).orElseThrow();
        assertThat(stored.getGsi1pk()).isNull();
        assertThat(searches.alert(flat("L2", 100, 1))).isEmpty();
    }

    private DomainEvent event(String type, Object payload) {
        return new DomainEvent("01EVENT" + System.nanoTime(), type, 1, Instant.now(), "agency", "test", Json.MAPPER.valueToTree(payload));
    }

    private void deliver(String type, Object payload) {
        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(event(type, payload)), new TestContext()))).isEmpty();
    }

    private static Map<String, Object> updated(ListingEvents.Snapshot listing, Long previousPriceMinor, String previousCurrency) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("listing", listing);
        payload.put("changes", List.of("price"));
        payload.put("previousPriceMinor", previousPriceMinor);
        payload.put("previousCurrency", previousCurrency);
        return payload;
    }

    @Test
    void theConsumerAlertsOnAPublicationAndOnAPriceDropInTheSameCurrencyOnly() {
        save(f.paula, "Berlin", null, null, null, null, "instant");

        deliver(ListingEvents.UPDATED, updated(flat("same", 100, 1), 100L, "EUR"));
        deliver(ListingEvents.UPDATED, updated(flat("rise", 100, 1), 99L, "EUR"));
        deliver(ListingEvents.UPDATED, updated(flat("currency", 100, 1), 200L, "CHF"));
        deliver(ListingEvents.UPDATED, updated(flat("unpriced", 100, 1), null, null));
        var draft = new ListingEvents.Snapshot("draft", "a", "r", "draft", "apartment", "sale", 1, "EUR", "Berlin", null, 52.5, 13.4, "u", 1, null);
        deliver(ListingEvents.PUBLISHED, draft);
        deliver(ListingEvents.UPDATED, updated(draft, 100L, "EUR"));
        assertThat(alerts()).isEmpty();

        deliver(ListingEvents.UPDATED, updated(flat("drop", 100, 1), 101L, "EUR"));
        deliver(ListingEvents.UPDATED, updated(flat("drop-no-currency", 100, 1), 500L, null));
        deliver(ListingEvents.PUBLISHED, flat("new", 100, 1));
        assertThat(alerts()).extracting(n -> n.data().get("listingId")).containsExactly("drop", "drop-no-currency", "new");
    }
}
