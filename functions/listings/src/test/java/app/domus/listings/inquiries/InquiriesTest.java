package app.domus.listings.inquiries;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.api.GetListingHandler;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InquiriesTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateInquiryHandler create = new CreateInquiryHandler(f.inquiries);
    private final RespondToInquiryHandler respond = new RespondToInquiryHandler(f.inquiries);
    private final GetInquiryHandler get = new GetInquiryHandler(f.inquiries);
    private final ListInquiriesHandler list = new ListInquiriesHandler(f.inquiries);
    private final GetListingHandler getListing = new GetListingHandler(f.listings);
    private final InquiryNotificationsHandler notify = new InquiryNotificationsHandler(f.idempotency, f.notifications);
    private final String listing = f.published("Berlin", "Mitte", 52.53, 13.38, 450_000_00, 3, "apartment");

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse inquire(String userId, String listingId) {
        return call(create, HttpEvents.request("POST", "/inquiries").body("""
                {"listingId":"%s","message":"Is the flat still free?","preferredViewingTimes":["2026-03-05T17:00:00+01:00"]}"""
                .formatted(listingId)).as(userId));
    }

    private String inquired(String userId) {
        var response = inquire(userId, listing);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).path("inquiryId").asText();
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse answer(String userId, String inquiryId) {
        return call(respond, HttpEvents.request("POST", "/inquiries/" + inquiryId + "/responses").pathParam("inquiryId", inquiryId)
                .body("{\"message\":\"Yes: come on Thursday\"}").as(userId));
    }

    private JsonNode read(String userId, String inquiryId) {
        var response = call(get, HttpEvents.request("GET", "/inquiries/" + inquiryId).pathParam("inquiryId", inquiryId).as(userId));
        return response.getStatusCode() == 200 ? json(response) : null;
    }

    /** Hands the consumer the events written since the last call, as its queue would. */
    private void deliver() {
        List<DomainEvent> events = f.events.all();
        f.events.clear();
        for (DomainEvent event : events) assertThat(SqsEvents.failed(notify.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
    }

    @Test
    void aDeletedAccountsInquiriesLoseTheirTextAndKeepTheRestAndTheAnswers() {
        String paulas = inquired(f.paula);
        String berts = inquired(f.bert);
        assertThat(answer(f.ada, paulas).getStatusCode()).isEqualTo(201);
        EraseInquiriesHandler consumer = new EraseInquiriesHandler(f.idempotency, new InquiryErasure(f.table, f.clock));
        DomainEvent deleted = new DomainEvent("01EVENT00000000000000000DEL", EraseInquiriesHandler.TYPE, 1,
                f.clock.instant(), null, "test", app.domus.shared.json.Json.MAPPER.valueToTree(java.util.Map.of(
                "userId", f.paula, "deletedAt", f.clock.instant().toString(), "organisationIds", List.of())));

        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(deleted), new TestContext()))).isEmpty();

        JsonNode erased = read(f.ada, paulas);
        assertThat(erased.path("message").asText()).isEmpty();
        assertThat(erased.path("preferredViewingTimes")).isEmpty();
        assertThat(erased.path("inquirerId").asText()).isEqualTo(f.paula);
        assertThat(erased.path("status").asText()).isEqualTo("responded");
        assertThat(erased.path("responses").get(0).path("message").asText()).isEqualTo("Yes: come on Thursday");
        // The listing's entry, which the realtors' lists read, is erased too; Bert's inquiry is as he wrote it.
        var listed = json(call(list, HttpEvents.request("GET", "/inquiries").query("listingId", listing).as(f.ada))).path("items");
        assertThat(listed).hasSize(2);
        for (JsonNode item : listed) {
            assertThat(item.path("message").asText()).isEqualTo(item.path("inquiryId").asText().equals(paulas) ? "" : "Is the flat still free?");
        }
        assertThat(read(f.bert, berts).path("message").asText()).isEqualTo("Is the flat still free?");
        assertThat(f.table.get(InquiryItem.class, InquiryItem.pk(paulas), InquiryItem.SK).orElseThrow().getErasedAt())
                .isEqualTo(f.clock.instant().toString());

        // A second erasure (another event id: a deletion sent again) finds nothing left to do.
        assertThat(new InquiryErasure(f.table, f.clock).eraseWrittenBy(f.paula)).isZero();
    }

    @Test
    void anInquiryReachesTheListingsRealtorAndTheAnswerReachesTheInquirer() {
        f.events.clear();
        String inquiryId = inquired(f.paula);
        DomainEvent sent = f.events.ofType(InquiryEvents.SENT).getFirst();
        assertThat(sent.organisationId()).isEqualTo(f.agencyA);
        deliver();
        NotificationRequest toRealtor = f.notifications.ofTemplate(InquiryNotificationsHandler.INQUIRY_TEMPLATE).getFirst();
        assertThat(toRealtor.userId()).isEqualTo(f.rita);
        assertThat(toRealtor.id()).isEqualTo("inquiry:" + inquiryId);
        assertThat(toRealtor.category()).isEqualTo(app.domus.shared.notify.Category.LISTINGS);
        assertThat(toRealtor.data()).containsEntry("message", "Is the flat still free?").containsEntry("place", "Mitte, Berlin")
                .containsEntry("viewingTimes", "2026-03-05T16:00:00Z");
        assertThat(read(f.paula, inquiryId).path("status").asText()).isEqualTo("sent");

        var answered = answer(f.ada, inquiryId);
        assertThat(answered.getStatusCode()).as("any realtor of the agency answers").isEqualTo(201);
        assertThat(f.events.types()).containsExactly(InquiryEvents.RESPONDED);
        deliver();
        NotificationRequest toInquirer = f.notifications.ofTemplate(InquiryNotificationsHandler.RESPONSE_TEMPLATE).getFirst();
        assertThat(toInquirer.userId()).isEqualTo(f.paula);
        assertThat(toInquirer.data()).containsEntry("message", "Yes: come on Thursday");

        JsonNode seen = read(f.rita, inquiryId);
        assertThat(seen.path("status").asText()).isEqualTo("responded");
        assertThat(seen.path("responses").get(0).path("responderId").asText()).isEqualTo(f.ada);
        assertThat(read(f.paula, inquiryId).path("responses")).hasSize(1);
    }

    @Test
    void onlyTheInquirerAndTheListingsAgencySeeAnInquiryAndOnlyTheAgencyAnswers() {
        String inquiryId = inquired(f.paula);
        assertThat(read(f.bert, inquiryId)).as("another agency").isNull();
        assertProblem(answer(f.bert, inquiryId), 404, "not-found");
        assertProblem(answer(f.paula, inquiryId), 403, "forbidden");
        assertThat(f.events.ofType(InquiryEvents.RESPONDED)).isEmpty();
    }

    @Test
    void aDraftOrUnknownListingTakesNoInquiryAndBadInputIsNamed() {
        var draft = f.listings.create(caller(f.rita), new app.domus.listings.listings.ListingRequests.CreateListing(
                new app.domus.listings.listings.ListingRequests.Property("house",
                        new app.domus.listings.listings.ListingRequests.Address(null, null, "Berlin", null, 52.5, 13.4), 4, 90.0, List.of()),
                null, new app.domus.listings.listings.ListingRequests.Pricing("sale", 500_000_00L, "EUR"), null));
        assertProblem(inquire(f.paula, draft.listingId()), 404, "not-found");
        var bad = call(create, HttpEvents.request("POST", "/inquiries")
                .body("{\"listingId\":\"" + listing + "\",\"message\":\"\",\"preferredViewingTimes\":[\"Thursday evening\"]}").as(f.paula));
        assertThat(fieldErrors(assertProblem(bad, 400, "validation-error"))).contains("message", "preferredViewingTimes.0");
    }

    @Test
    void theSixthInquiryOfAnHourIsRefusedAndTheNextHourIsOpenAgain() {
        for (int i = 0; i < Inquiries.PER_HOUR; i++) inquired(f.paula);
        var sixth = inquire(f.paula, listing);
        assertProblem(sixth, 429, "too-many-requests");
        assertThat(f.events.ofType(InquiryEvents.SENT)).hasSize(Inquiries.PER_HOUR);
        assertThat(inquire(f.ada, listing).getStatusCode()).as("counted per person").isEqualTo(201);
        f.clock.advance(Duration.ofHours(1));
        assertThat(inquire(f.paula, listing).getStatusCode()).isEqualTo(201);
    }

    @Test
    void theAgencySeesItsListingsViewsAndInquiriesWhileItsOwnReadsAreNoViews() {
        call(getListing, HttpEvents.request("GET", "/listings/" + listing).pathParam("listingId", listing).as(f.paula));
        call(getListing, HttpEvents.request("GET", "/listings/" + listing).pathParam("listingId", listing).as(f.bert));
        var byPaula = call(getListing, HttpEvents.request("GET", "/listings/" + listing).pathParam("listingId", listing).as(f.paula));
        assertThat(json(byPaula).has("analytics")).as("the analytics are the agency's").isFalse();
        inquired(f.paula);
        call(getListing, HttpEvents.request("GET", "/listings/" + listing).pathParam("listingId", listing).as(f.ada));
        JsonNode analytics = json(call(getListing, HttpEvents.request("GET", "/listings/" + listing).pathParam("listingId", listing).as(f.rita)))
                .path("analytics");
        assertThat(analytics.path("views").asLong()).isEqualTo(3);
        assertThat(analytics.path("inquiries").asLong()).isEqualTo(1);
    }

    @Test
    void aCallerWhoseTokenSaysTheAddressIsUnverifiedIsRefusedAndNothingIsStored() {
        String body = "{\"listingId\":\"" + listing + "\",\"message\":\"Still free?\"}";
        var unverified = call(create, HttpEvents.request("POST", "/inquiries").body(body).asUnverified(f.paula));
        JsonNode problem = assertProblem(unverified, 403, "email-not-verified");
        assertThat(problem.path("detail").asText()).contains("/auth/verify-email/resend");
        var olderToken = call(create, HttpEvents.request("POST", "/inquiries").body(body)
                .claims(java.util.Map.of("sub", f.paula, "email", "paula@example.test", "sid", "s")));
        assertProblem(olderToken, 403, "email-not-verified");
        assertThat(f.events.ofType(InquiryEvents.SENT)).isEmpty();
        assertThat(call(create, HttpEvents.request("POST", "/inquiries").body(body).as(f.paula)).getStatusCode()).isEqualTo(201);
    }

    private JsonNode page(String userId, String query) {
        var request = HttpEvents.request("GET", "/inquiries").as(userId);
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) request.query(pair.split("=")[0], pair.split("=")[1]);
        var response = call(list, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("inquiryId").asText()));
        return ids;
    }

    @Test
    void eachSideListsItsInquiriesNewestFirstInPagesWithTheirStatus() {
        var adas = f.listings.create(caller(f.ada), new app.domus.listings.listings.ListingRequests.CreateListing(
                new app.domus.listings.listings.ListingRequests.Property("house",
                        new app.domus.listings.listings.ListingRequests.Address(null, null, "Berlin", null, 52.5, 13.4), 4, 90.0, List.of()),
                null, new app.domus.listings.listings.ListingRequests.Pricing("sale", 500_000_00L, "EUR"), null));
        f.listings.publish(caller(f.ada), adas.listingId());
        String p1 = inquired(f.paula);
        f.clock.advance(Duration.ofSeconds(1));
        String onAdas = json(inquire(f.paula, adas.listingId())).path("inquiryId").asText();
        f.clock.advance(Duration.ofSeconds(1));
        String byBert = inquired(f.bert);
        f.clock.advance(Duration.ofSeconds(1));
        String p2 = inquired(f.paula);

        JsonNode first = page(f.paula, "limit=2");
        assertThat(ids(first)).containsExactly(p2, onAdas);
        assertThat(first.path("items").get(0).path("status").asText()).isEqualTo("sent");
        String cursor = first.path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        JsonNode second = page(f.paula, "limit=2&cursor=" + cursor);
        assertThat(ids(second)).containsExactly(p1);
        assertThat(second.path("nextCursor").isNull() || second.path("nextCursor").isMissingNode()).isTrue();

        assertThat(ids(page(f.rita, ""))).as("a realtor: those on their own listings").containsExactly(p2, byBert, p1);
        assertThat(ids(page(f.ada, ""))).as("the agency's admin: all of the agency's").containsExactly(p2, byBert, onAdas, p1);
        assertThat(ids(page(f.ada, "listingId=" + listing))).containsExactly(p2, byBert, p1);
        assertThat(ids(page(f.rita, "listingId=" + adas.listingId()))).as("any realtor of the agency, by listing").containsExactly(onAdas);
        assertThat(ids(page(f.bert, ""))).as("another agency's admin: none of theirs").isEmpty();
        assertThat(ids(page(f.bert, "scope=mine"))).as("a realtor's own inquiries").containsExactly(byBert);

        var bertOnRitas = call(list, HttpEvents.request("GET", "/inquiries").query("listingId", listing).as(f.bert));
        assertProblem(bertOnRitas, 404, "not-found");
        assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("listingId", listing).as(f.paula)), 404, "not-found");
        assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("scope", "listings").as(f.paula)), 403, "forbidden");
        assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("scope", "everything").as(f.paula)), 400, "validation-error");
        assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("cursor", cursor).as(f.rita)), 400, "invalid-cursor");

        assertThat(answer(f.rita, p1).getStatusCode()).isEqualTo(201);
        JsonNode ritas = page(f.rita, "");
        assertThat(ritas.path("items").get(2).path("status").asText()).as("the entry follows the answer").isEqualTo("responded");
        assertThat(ritas.path("items").get(2).path("respondedAt").asText()).isNotBlank();
        assertThat(page(f.paula, "").path("items").get(2).path("status").asText()).isEqualTo("responded");
    }
}
