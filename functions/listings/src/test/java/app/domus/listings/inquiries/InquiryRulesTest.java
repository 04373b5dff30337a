package app.domus.listings.inquiries;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inquiries' rules at the service and its bodies: what is stored and announced, the lists' defaults, the checks. */
class InquiryRulesTest {
    private final ListingsFixture f = new ListingsFixture();
    private final Inquiries inquiries = f.inquiries;
    private final String inPankow = f.published("Berlin", "Pankow", 52.57, 13.40, 300_000_00, 2, "apartment");
    private final String inPotsdam = f.published("Potsdam", null, 52.39, 13.06, 250_000_00, 3, "house");

    private Inquiries.InquiryView ask(String userId, String listingId, List<String> times) {
        return inquiries.create(caller(userId), new InquiryRequests.CreateInquiry(listingId, "  Still free?  ", times));
    }

    private static List<String> ids(app.domus.shared.persistence.Page<Inquiries.InquirySummary> page) {
        return page.items().stream().map(Inquiries.InquirySummary::inquiryId).toList();
    }

    @Test
    void anInquiryIsStoredForTheListingsAgencyAndRealtorAndAnnouncedWithItsPlace() {
        f.events.clear();
        var view = ask(f.paula, inPankow, List.of("2026-03-05T17:00:00+01:00", "2026-03-06T09:30:00Z"));

        assertThat(view.message()).isEqualTo("Still free?");
        assertThat(view.preferredViewingTimes()).containsExactly("2026-03-05T16:00:00Z", "2026-03-06T09:30:00Z");
        assertThat(view.status()).isEqualTo(InquiryItem.SENT);
        assertThat(view.agencyId()).isEqualTo(f.agencyA);
        assertThat(view.inquirerId()).isEqualTo(f.paula);
        assertThat(view.listingId()).isEqualTo(inPankow);
        assertThat(view.createdAt()).isEqualTo(f.clock.instant().toString());
        assertThat(view.respondedAt()).isNull();
        assertThat(view.responses()).isEmpty();
        InquiryItem stored = f.table.get(InquiryItem.class, InquiryItem.pk(view.inquiryId()), InquiryItem.SK).orElseThrow();
        assertThat(stored.getRealtorId()).isEqualTo(f.rita);
        assertThat(stored.getGsi2pk()).isEqualTo("USER#" + f.paula + "#INQUIRIES");

        DomainEvent sent = f.events.ofType(InquiryEvents.SENT).getFirst();
        assertThat(sent.organisationId()).isEqualTo(f.agencyA);
        assertThat(sent.payload().path("place").asText()).isEqualTo("Pankow, Berlin");
        assertThat(sent.payload().path("realtorId").asText()).isEqualTo(f.rita);
        assertThat(sent.payload().path("inquirerId").asText()).isEqualTo(f.paula);
        assertThat(sent.payload().path("message").asText()).isEqualTo("Still free?");
        assertThat(sent.payload().path("sentAt").asText()).isEqualTo(view.createdAt());

        f.events.clear();
        ask(f.paula, inPotsdam, null);
        assertThat(f.events.ofType(InquiryEvents.SENT).getFirst().payload().path("place").asText()).as("no district").isEqualTo("Potsdam");
        assertThat(f.stats.of(inPankow).inquiries()).isEqualTo(1);
    }

    @Test
    void anAnswerIsStoredWithItsResponderAndAnnouncedToTheInquirer() {
        var asked = ask(f.paula, inPotsdam, List.of());
        f.clock.advance(Duration.ofMinutes(10));
        f.events.clear();

        var answer = inquiries.respond(caller(f.ada), asked.inquiryId(), new InquiryRequests.Respond("  Come on Friday  "));

        assertThat(answer.message()).isEqualTo("Come on Friday");
        assertThat(answer.responderId()).isEqualTo(f.ada);
        assertThat(answer.respondedAt()).isEqualTo(f.clock.instant().toString());
        var read = inquiries.get(caller(f.paula), asked.inquiryId());
        assertThat(read.status()).isEqualTo(InquiryItem.RESPONDED);
        assertThat(read.respondedAt()).isEqualTo(answer.respondedAt());
        assertThat(read.responses()).containsExactly(answer);
        JsonNode payload = f.events.ofType(InquiryEvents.RESPONDED).getFirst().payload();
        assertThat(payload.path("inquirerId").asText()).isEqualTo(f.paula);
        assertThat(payload.path("responderId").asText()).isEqualTo(f.ada);
        assertThat(payload.path("place").asText()).isEqualTo("Potsdam");
        assertThat(payload.path("responseId").asText()).isEqualTo(answer.responseId());
        assertThat(f.events.ofType(InquiryEvents.RESPONDED).getFirst().organisationId()).isEqualTo(f.agencyA);
    }

    @Test
    void aListsDefaultIsTheCallersOwnForAPortalUserAndTheirListingsForARealtor() {
        String paulas = ask(f.paula, inPankow, null).inquiryId();
        String ritas = ask(f.rita, inPotsdam, null).inquiryId();

        assertThat(ids(inquiries.list(caller(f.paula), null, null, 10, null))).containsExactly(paulas);
        assertThat(ids(inquiries.list(caller(f.rita), null, null, 10, null))).as("on Rita's listings").containsExactlyInAnyOrder(paulas, ritas);
        assertThat(ids(inquiries.list(caller(f.rita), null, Inquiries.Scope.MINE, 10, null))).containsExactly(ritas);
        assertThat(ids(inquiries.list(caller(f.ada), null, null, 10, null))).containsExactlyInAnyOrder(paulas, ritas);
        assertThat(Refusals.status(() -> inquiries.list(caller(f.paula), null, Inquiries.Scope.LISTINGS, 10, null))).isEqualTo(403);
        assertThat(Refusals.status(() -> inquiries.list(caller(f.ada), "unknown", null, 10, null))).isEqualTo(404);
        var summary = inquiries.list(caller(f.rita), inPankow, null, 10, null).items().getFirst();
        assertThat(summary.message()).isEqualTo("Still free?");
        assertThat(summary.inquirerId()).isEqualTo(f.paula);
        assertThat(summary.agencyId()).isEqualTo(f.agencyA);
        assertThat(summary.listingId()).isEqualTo(inPankow);
        assertThat(summary.status()).isEqualTo("sent");
    }

    @Test
    void theListsQueryIsChecked() {
        var list = new ListInquiriesHandler(inquiries);
        assertThat(fieldErrors(assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("listingId", "bad id!").as(f.rita)),
                400, "validation-error"))).containsExactly("listingId");
        assertThat(fieldErrors(assertProblem(call(list, HttpEvents.request("GET", "/inquiries").query("scope", "all").as(f.rita)),
                400, "validation-error"))).containsExactly("scope");
        ask(f.paula, inPankow, null);
        var mine = call(list, HttpEvents.request("GET", "/inquiries").query("scope", "MINE").as(f.paula));
        assertThat(json(mine).path("items")).hasSize(1);
        var listings = call(list, HttpEvents.request("GET", "/inquiries").query("scope", "Listings").as(f.rita));
        assertThat(json(listings).path("items")).hasSize(1);
    }

    @Test
    void anInquiryBodyNamesAListingAMessageAndAtMostFiveTimesWithAnOffset() {
        List<String> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) five.add("2026-03-0" + i + "T10:00:00+02:00");
        assertThat(errors(new InquiryRequests.CreateInquiry("L1", "Hello", five))).isEmpty();
        List<String> six = new ArrayList<>(five);
        six.add("2026-03-09T10:00:00Z");
        assertThat(errors(new InquiryRequests.CreateInquiry("L1", "Hello", six))).containsExactly("preferredViewingTimes");
        assertThat(errors(new InquiryRequests.CreateInquiry("L1", "Hello", java.util.Arrays.asList("2026-03-05T10:00:00", null))))
                .containsExactly("preferredViewingTimes.0", "preferredViewingTimes.1");
        assertThat(errors(new InquiryRequests.CreateInquiry(null, null, null))).containsExactly("listingId", "message");
        assertThat(errors(new InquiryRequests.CreateInquiry("L1", "m".repeat(2001), null))).containsExactly("message");
        assertThat(errors(new InquiryRequests.CreateInquiry("L1", "m".repeat(2000), null))).isEmpty();
        assertThat(new InquiryRequests.CreateInquiry("L1", "Hello", null).viewingTimes()).isEmpty();
        assertThat(new InquiryRequests.CreateInquiry("L1", "Hello", List.of("2026-03-05T23:30:00-01:00")).viewingTimes())
                .containsExactly("2026-03-06T00:30:00Z");
        assertThat(errors(new InquiryRequests.Respond(" "))).containsExactly("message");
        assertThat(errors(new InquiryRequests.Respond("Yes"))).isEmpty();
    }

    @Test
    void theRealtorsMessageSaysNoneGivenWithoutTimesAndTheirsJoinedOtherwise() {
        var notify = new InquiryNotificationsHandler(f.idempotency, f.notifications);
        f.events.clear();
        var none = ask(f.paula, inPotsdam, null);
        var two = ask(f.bert, inPankow, List.of("2026-03-05T17:00:00Z", "2026-03-06T17:00:00Z"));
        for (DomainEvent event : f.events.all()) {
            assertThat(SqsEvents.failed(notify.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
        }
        List<NotificationRequest> sent = f.notifications.ofTemplate(InquiryNotificationsHandler.INQUIRY_TEMPLATE);
        assertThat(sent).extracting(NotificationRequest::id).containsExactly("inquiry:" + none.inquiryId(), "inquiry:" + two.inquiryId());
        assertThat(sent.get(0).data()).containsEntry("viewingTimes", "none given").containsEntry("place", "Potsdam")
                .containsEntry("listingId", inPotsdam).containsEntry("inquiryId", none.inquiryId());
        assertThat(sent.get(1).data()).containsEntry("viewingTimes", "2026-03-05T17:00:00Z, 2026-03-06T17:00:00Z");
        assertThat(sent.get(0).userId()).isEqualTo(f.rita);

        f.events.clear();
        var answer = inquiries.respond(caller(f.rita), none.inquiryId(), new InquiryRequests.Respond("Yes"));
        for (DomainEvent event : f.events.all()) notify.handleRequest(SqsEvents.batch(event), new TestContext());
        NotificationRequest toPaula = f.notifications.ofTemplate(InquiryNotificationsHandler.RESPONSE_TEMPLATE).getFirst();
        assertThat(toPaula.id()).isEqualTo("inquiry-response:" + answer.responseId());
        assertThat(toPaula.userId()).isEqualTo(f.paula);
        assertThat(toPaula.data()).containsEntry("place", "Potsdam").containsEntry("listingId", inPotsdam)
                .containsEntry("inquiryId", none.inquiryId()).containsEntry("message", "Yes");
        assertThat(toPaula.category()).isEqualTo(app.domus.shared.notify.Category.LISTINGS);
    }

    @Test
    void anUnknownInquiryIsNotFoundAndAnErasureCountsOnlyWhatItErased() {
        assertThat(Refusals.status(() -> inquiries.get(caller(f.paula), "unknown"))).isEqualTo(404);
        assertThat(Refusals.status(() -> inquiries.respond(caller(f.rita), "unknown", new InquiryRequests.Respond("x")))).isEqualTo(404);
        ask(f.paula, inPankow, List.of("2026-03-05T17:00:00Z"));
        ask(f.paula, inPotsdam, null);
        ask(f.bert, inPotsdam, null);
        var erasure = new InquiryErasure(f.table, f.clock);
        assertThat(erasure.eraseWrittenBy(f.paula)).isEqualTo(2);
        assertThat(erasure.eraseWrittenBy(f.paula)).isZero();
        assertThat(erasure.eraseWrittenBy(f.ada)).isZero();
        InquiryEntryItem entry = f.table.all(InquiryEntryItem.class, app.domus.listings.listings.ListingItem.pk(inPankow), InquiryEntryItem.SK_PREFIX)
                .getFirst();
        assertThat(entry.getMessage()).isEmpty();
        assertThat(entry.getErasedAt()).isEqualTo(f.clock.instant().toString());
    }
}
