package app.domus.rentals.channels;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelSyncTest {
    private final RentalsFixture f = new RentalsFixture();
    private final List<ChannelSource.Fetched.Entry> managerBookings = new ArrayList<>();
    private final AtomicInteger managerCalls = new AtomicInteger();
    private volatile boolean managerDown;
    private final List<ChannelSource.Fetched.Entry> feedBookings = new ArrayList<>();

    ChannelSyncTest() {
        f.sources.put(ChannelItem.MANAGER, (channel, credentials) -> {
            managerCalls.incrementAndGet();
            assertThat(credentials).containsEntry("apiKey", "cm-secret-key-1");
            if (managerDown) throw new ChannelException("channel manager answered 500");
            return new ChannelSource.Fetched(List.copyOf(managerBookings), false);
        });
        f.sources.put(ChannelItem.ICAL, (channel, credentials) -> new ChannelSource.Fetched(List.copyOf(feedBookings), true));
    }

    private static ChannelSource.Fetched.Entry stay(String channel, String id, String in, String out) {
        return new ChannelSource.Fetched.Entry(channel, new ReservationBook.Booking(id, false, LocalDate.parse(in), LocalDate.parse(out),
                "Guest " + id, null, null, 1));
    }

    private ChannelItem connect(String body) {
        var response = call(new ConnectChannelHandler(f.channels), HttpEvents.request("POST", "/units/" + f.unit.getId() + "/channels")
                .pathParam("unitId", f.unit.getId()).body(body).as(f.mia));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).doesNotContain("cm-secret-key-1").doesNotContain("feed-secret");
        return f.sync.channel(f.unit.getId(), json(response).path("channelId").asText()).orElseThrow();
    }

    private ChannelItem manager() {
        return connect("{\"type\":\"channel-manager\",\"name\":\"Airbnb and Booking\",\"propertyId\":\"prop-1\",\"apiKey\":\"cm-secret-key-1\"}");
    }

    private ChannelItem feed() {
        return connect("{\"type\":\"ical\",\"name\":\"Host calendar\",\"feedUrl\":\"https://feeds.example.test/feed-secret.ics\"}");
    }

    private ChannelSync.Result sync(ChannelItem channel) {
        return f.sync.sync(f.sync.channel(channel.getUnitId(), channel.getId()).orElseThrow());
    }

    @Test
    void aSyncAppliesNewChangedAndCancelledBookingsAndARerunChangesNothing() {
        ChannelItem channel = manager();
        managerBookings.add(stay("airbnb", "bk-1", "2026-04-01", "2026-04-04"));
        managerBookings.add(stay("booking", "bk-2", "2026-04-10", "2026-04-12"));
        assertThat(sync(channel).applied()).containsEntry(ReservationBook.Outcome.CREATED, 2);
        assertThat(f.events.ofType(ReservationEvents.CREATED)).hasSize(2);

        int items = f.itemCount();
        f.events.clear();
        assertThat(sync(channel).applied()).containsExactlyEntriesOf(java.util.Map.of(ReservationBook.Outcome.UNCHANGED, 2));
        assertThat(f.events.isEmpty()).as("a re-run writes no event").isTrue();
        assertThat(f.itemCount()).isEqualTo(items);

        managerBookings.set(0, stay("airbnb", "bk-1", "2026-04-01", "2026-04-05"));
        managerBookings.set(1, new ChannelSource.Fetched.Entry("booking", new ReservationBook.Booking("bk-2", true, null, null, null, null, null, null)));
        var result = sync(channel);
        assertThat(result.applied()).containsEntry(ReservationBook.Outcome.CHANGED, 1).containsEntry(ReservationBook.Outcome.CANCELLED, 1);
        assertThat(f.events.types()).containsExactlyInAnyOrder(ReservationEvents.CHANGED, ReservationEvents.CANCELLED);
        assertThat(f.book.stays(f.unit.getId())).extracting(ReservationItem::getChannel).containsExactly("airbnb", "booking");
    }

    @Test
    void aUidGoneFromAFeedIsACancellationButAPastStayIsLeftAlone() {
        ChannelItem channel = feed();
        feedBookings.add(stay("ical", "uid-past", "2026-02-01", "2026-02-03"));
        feedBookings.add(stay("ical", "uid-1", "2026-04-01", "2026-04-03"));
        feedBookings.add(stay("ical", "uid-2", "2026-05-01", "2026-05-03"));
        sync(channel);
        feedBookings.clear();
        feedBookings.add(stay("ical", "uid-1", "2026-04-01", "2026-04-03"));
        f.events.clear();
        assertThat(sync(channel).applied()).containsEntry(ReservationBook.Outcome.CANCELLED, 1);
        assertThat(f.events.ofType(ReservationEvents.CANCELLED).getFirst().payload().path("channelReservationId").asText()).isEqualTo("uid-2");
        f.events.clear();
        sync(channel);
        assertThat(f.events.isEmpty()).isTrue();
    }

    @Test
    void aFailingChannelIsRetriedThenItsBreakerOpensAndSkipsItWhileTheOtherChannelStillSyncs() {
        ChannelItem cm = manager();
        ChannelItem ical = feed();
        managerDown = true;
        var first = sync(cm);
        assertThat(first.status()).isEqualTo("failed");
        assertThat(managerCalls.get()).as("three attempts with backoff").isEqualTo(ChannelSync.ATTEMPTS);
        sync(cm);
        var third = sync(cm);
        assertThat(third.breakerState()).isEqualTo("OPEN");
        int calls = managerCalls.get();

        feedBookings.add(stay("ical", "uid-1", "2026-04-01", "2026-04-03"));
        assertThat(sync(ical).status()).isEqualTo("synced");
        var skipped = sync(cm);
        assertThat(skipped.status()).isEqualTo("skipped");
        assertThat(managerCalls.get()).as("an open breaker does not call the channel").isEqualTo(calls);

        var listed = json(call(new ListChannelsHandler(f.channels), HttpEvents.request("GET", "/units/" + f.unit.getId() + "/channels")
                .pathParam("unitId", f.unit.getId()).as(f.mia)));
        var health = listed.path("items").findValues("health");
        assertThat(listed.toString()).doesNotContain("cm-secret-key-1").doesNotContain("feed-secret");
        assertThat(health).extracting(h -> h.path("breakerState").asText()).containsExactlyInAnyOrder("OPEN", "CLOSED");
        assertThat(health).anySatisfy(h -> assertThat(h.path("lastError").asText()).contains("500"));
        assertThat(health).allSatisfy(h -> assertThat(h.path("nextRunAt").asText()).isNotEmpty());

        // After the open period one trial sync goes through; the channel is back, so the breaker closes.
        f.clock.advance(ChannelBreaker.OPEN_FOR.plus(Duration.ofMinutes(1)));
        managerDown = false;
        var trial = sync(cm);
        assertThat(trial.status()).isEqualTo("synced");
        assertThat(trial.breakerState()).isEqualTo("CLOSED");
        assertThat(f.sync.channel(cm.getUnitId(), cm.getId()).orElseThrow().getLastSuccessAt()).isNotNull();
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() {
        ChannelItem cm = manager();
        managerDown = true;
        for (int i = 0; i < 3; i++) sync(cm);
        f.clock.advance(ChannelBreaker.OPEN_FOR.plus(Duration.ofMinutes(1)));
        assertThat(sync(cm).breakerState()).isEqualTo("OPEN");
        assertThat(sync(cm).status()).as("open again, from the trial's time").isEqualTo("skipped");
    }

    @Test
    void syncNowQueuesOneRequestForManagersOnlyAndTheScheduleOneForEveryChannel() {
        ChannelItem cm = manager();
        feed();
        var handler = new SyncChannelNowHandler(f.channels);
        var response = call(handler, HttpEvents.request("POST", "/units/" + f.unit.getId() + "/channels/" + cm.getId() + "/sync")
                .pathParam("unitId", f.unit.getId()).pathParam("channelId", cm.getId()).as(f.mia));
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(f.queued).extracting(m -> m.channelId()).containsExactly(cm.getId());
        assertProblem(call(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).pathParam("channelId", cm.getId())
                .as(f.olga)), 403, "forbidden");
        assertProblem(call(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).pathParam("channelId", "nope")
                .as(f.mia)), 404, "not-found");
        f.queued.clear();
        assertThat(f.channels.queueAll()).isEqualTo(2);
        assertThat(f.queued).hasSize(2);
    }

    @Test
    void theQueueConsumerSyncsTheNamedChannelAndDeadLettersAMessageNamingNone() {
        ChannelItem cm = manager();
        managerBookings.add(stay("airbnb", "bk-1", "2026-04-01", "2026-04-04"));
        List<String> deadLettered = new ArrayList<>();
        var sqs = (software.amazon.awssdk.services.sqs.SqsClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {software.amazon.awssdk.services.sqs.SqsClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendMessage")) {
                        var b = software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder();
                        @SuppressWarnings("unchecked")
                        var consumer = (java.util.function.Consumer<software.amazon.awssdk.services.sqs.model.SendMessageRequest.Builder>) args[0];
                        consumer.accept(b);
                        deadLettered.add(b.build().messageAttributes().get("reason").stringValue());
                        return software.amazon.awssdk.services.sqs.model.SendMessageResponse.builder().build();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        var handler = new SyncChannelHandler(f.sync, sqs, "dlq");
        var response = handler.handleRequest(SqsEvents.batch(
                "{\"unitId\":\"" + f.unit.getId() + "\",\"channelId\":\"" + cm.getId() + "\"}",
                "{\"unitId\":\"" + f.unit.getId() + "\",\"channelId\":\"gone\"}",
                "not json"), new TestContext());
        assertThat(SqsEvents.failed(response)).isEmpty();
        assertThat(f.book.stays(f.unit.getId())).hasSize(1);
        assertThat(deadLettered).hasSize(2).anySatisfy(r -> assertThat(r).contains("no channel gone")).anySatisfy(r -> assertThat(r).contains("not JSON"));
    }

    @Test
    void connectingIsForManagersAndValidated() {
        var handler = new ConnectChannelHandler(f.channels);
        String body = "{\"type\":\"ical\",\"feedUrl\":\"https://feeds.example.test/x.ics\"}";
        f.assertRefusedUnchanged(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).body(body).as(f.olga), 403, "forbidden");
        f.assertRefusedUnchanged(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).body(body).as(f.otto), 404, "not-found");
        f.assertRefusedUnchanged(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId())
                .body("{\"type\":\"ical\",\"feedUrl\":\"file:///etc/passwd\"}").as(f.mia), 400, "validation-error");
        f.assertRefusedUnchanged(handler, HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId())
                .body("{\"type\":\"fax\"}").as(f.mia), 400, "validation-error");
        assertThat(f.secrets).isEmpty();
        assertThat(f.channels.list(caller(f.mia), f.unit.getId()).items()).isEmpty();
    }
}
