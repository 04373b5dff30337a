package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.events.CalendarEntry;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.calendar.events.CalendarEvents;
import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.sync.CalendarPush;
import app.domus.calendar.sync.CalendarSync;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.persistence.TableItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-way mapping: imports, pushes, pulls, deletions either side, each applied once, and no echo. */
class CalendarSyncTest {
    private CalendarFixture w;

    @BeforeEach
    void setUp() {
        w = new CalendarFixture();
    }

    private List<CalendarEventItem> entries(String userId) {
        return w.book.entries(userId);
    }

    private CalendarEventItem domusEntry() {
        w.book.put("reservation:r1:check-in", w.org, List.of(w.mia), new CalendarEntry("Guest check-in", "Stay", "2031-05-01", "2031-05-02"));
        return entries(w.mia).stream().filter(e -> e.getOrigin().equals(CalendarEventItem.DOMUS)).findFirst().orElseThrow();
    }

    @Test
    void connectingImportsTheExistingEventsOnceAndASecondPullChangesNothing() {
        w.google.userAdds("Dentist", "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z");
        w.google.userAdds("Holiday", "2031-07-01", "2031-07-15");

        Map<String, Object> answer = w.connect(w.mia);

        assertThat(answer).containsEntry("connected", true).containsEntry("imported", 2);
        assertThat(entries(w.mia)).extracting(CalendarEventItem::getTitle).containsExactlyInAnyOrder("Dentist", "Holiday");
        assertThat(w.events.ofType(CalendarEvents.CREATED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.payload().path("fromConnection").asText()).isEqualTo(w.connection(w.mia).getId()));
        ConnectionItem connection = w.connection(w.mia);
        assertThat(connection.getChannelId()).startsWith(connection.getId() + "-");
        assertThat(connection.getSyncToken()).isNotNull();

        w.events.clear();
        CalendarSync.Result again = w.sync.sync(w.connection(w.mia));
        assertThat(again.imported()).isZero();
        assertThat(w.events.all()).isEmpty();

        // Pushing the imported entries back finds the links and sends nothing to where they came from.
        w.events.clear();
        int before = w.google.calls("insert") + w.google.calls("patch");
        for (CalendarEventItem e : entries(w.mia)) w.push.push(w.mia, e.getEventId());
        assertThat(w.google.calls("insert") + w.google.calls("patch")).isEqualTo(before);
    }

    @Test
    void anImportedEventIsTheConnectionsOwnAndEachChangeThereRevisesIt() {
        CalendarProvider.ProviderEvent dentist = w.google.userAdds("Dentist", "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z");
        w.google.userAdds(null, "2031-04-02", "2031-04-03");
        w.connect(w.mia);
        String connectionId = w.connection(w.mia).getId();
        String source = "connection:" + connectionId + ":" + dentist.externalId();

        CalendarEventItem imported = entries(w.mia).stream().filter(e -> "Dentist".equals(e.getTitle())).findFirst().orElseThrow();
        assertThat(imported.getSource()).isEqualTo(source);
        assertThat(imported.getOrigin()).isEqualTo(connectionId);
        assertThat(imported.getUserId()).isEqualTo(w.mia);
        assertThat(imported.getStatus()).isEqualTo(CalendarEventItem.CONFIRMED);
        assertThat(imported.getRevision()).isEqualTo(1L);
        assertThat(imported.getUpdatedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(w.table.allInIndex(CalendarEventItem.class, TableItem.GSI1, CalendarEventItem.bySource(source)))
                .as("found by its source").singleElement()
                .satisfies(e -> assertThat(e.getGsi1sk()).isEqualTo(w.mia));
        assertThat(entries(w.mia)).extracting(CalendarEventItem::getTitle).contains("(no title)");

        w.clock.advance(java.time.Duration.ofMinutes(10));
        w.google.userChanges(dentist.externalId(), "Dentist (moved)");
        w.sync.sync(w.connection(w.mia));
        CalendarEventItem changed = w.book.entry(w.mia, imported.getEventId()).orElseThrow();
        assertThat(changed.getRevision()).isEqualTo(2L);
        assertThat(changed.getUpdatedAt()).isEqualTo(w.clock.instant().toString());

        w.clock.advance(java.time.Duration.ofMinutes(10));
        w.google.cancelled(dentist.externalId());
        w.sync.sync(w.connection(w.mia));
        CalendarEventItem cancelled = w.book.entry(w.mia, imported.getEventId()).orElseThrow();
        assertThat(cancelled.getStatus()).isEqualTo(CalendarEventItem.CANCELLED);
        assertThat(cancelled.getRevision()).isEqualTo(3L);
        assertThat(cancelled.getUpdatedAt()).isEqualTo(w.clock.instant().toString());
    }

    @Test
    void aPushSaysWhatItDidAtEachConnection() {
        w.connect(w.mia);
        CalendarEventItem entry = domusEntry();

        assertThat(w.push.push(w.mia, entry.getEventId())).isEqualTo(new CalendarPush.Result(1, 0, 0, 0));
        w.book.put("reservation:r1:check-in", w.org, List.of(w.mia), new CalendarEntry("Guest check-in (late)", "Stay", "2031-05-01", "2031-05-02"));
        assertThat(w.push.push(w.mia, entry.getEventId())).isEqualTo(new CalendarPush.Result(0, 1, 0, 0));
        w.book.cancel("reservation:r1:check-in");
        assertThat(w.push.push(w.mia, entry.getEventId())).isEqualTo(new CalendarPush.Result(0, 0, 1, 0));
        assertThat(w.push.push(w.mia, "no-such-entry")).isEqualTo(new CalendarPush.Result(0, 0, 0, 0));
        assertThat(w.push.push(w.olga, entry.getEventId())).as("not olga's entry").isEqualTo(new CalendarPush.Result(0, 0, 0, 0));
    }

    @Test
    void aDomusEntryIsInsertedOnceAndItsOwnNotificationDoesNotComeBackAsAChange() {
        w.connect(w.mia);
        w.events.clear();
        CalendarEventItem entry = domusEntry();

        w.pushAll();
        w.pushAll();   // the event redelivered

        assertThat(w.google.calls("insert")).isEqualTo(1);
        assertThat(w.google.live()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Guest check-in");
            assertThat(e.domusEventId()).isEqualTo(entry.getEventId());
        });
        w.events.clear();
        CalendarSync.Result pulled = w.sync.sync(w.connection(w.mia));
        assertThat(pulled.updated()).isZero();
        assertThat(pulled.imported()).isZero();
        assertThat(w.events.all()).as("our own write is no change").isEmpty();
    }

    @Test
    void anInsertWhoseLinkWasLostIsFoundAgainByItsDomusIdInsteadOfInsertedTwice() {
        w.connect(w.mia);
        CalendarEventItem entry = domusEntry();
        ConnectionItem connection = w.connection(w.mia);
        String token = w.google.validAccessTokens.getLast();
        w.google.insert(token, "primary", new CalendarProvider.EventData(entry.getTitle(), entry.getDescription(), entry.getStart(), entry.getEnd()), entry.getEventId());
        // A pull meanwhile passes over it: it carries a Domus id, so it is not imported as the person's own event.
        assertThat(w.sync.sync(connection).imported()).isZero();

        w.push.push(w.mia, entry.getEventId());

        assertThat(w.google.calls("insert")).isEqualTo(1);
        assertThat(w.google.live()).hasSize(1);
        assertThat(w.links.byEvent(connection.getId(), entry.getEventId())).isPresent();
    }

    @Test
    void anInsertListedWithoutItsDomusIdBeforeItsLinkIsWrittenIsLinkedNotImported() {
        w.google.listsWithoutDomusIds = true;
        w.connect(w.mia);
        CalendarEventItem entry = domusEntry();
        String token = w.google.validAccessTokens.getLast();
        w.google.insert(token, "primary", new CalendarProvider.EventData(entry.getTitle(), entry.getDescription(), entry.getStart(), entry.getEnd()), entry.getEventId());

        CalendarSync.Result pulled = w.sync.sync(w.connection(w.mia));

        assertThat(pulled.imported()).isZero();
        assertThat(entries(w.mia)).hasSize(1);
        assertThat(w.links.byEvent(w.connection(w.mia).getId(), entry.getEventId())).isPresent();
        w.push.push(w.mia, entry.getEventId());
        assertThat(w.google.live()).hasSize(1);
    }

    @Test
    void aChangeThereIsPulledOnceAndNotPushedBack() {
        w.connect(w.mia);
        CalendarEventItem entry = domusEntry();
        w.pushAll();
        String externalId = w.google.live().getFirst().externalId();
        w.events.clear();

        w.google.userChanges(externalId, "Check-in (moved to the afternoon)");
        CalendarSync.Result pulled = w.sync.sync(w.connection(w.mia));
        CalendarSync.Result again = w.sync.sync(w.connection(w.mia));

        assertThat(pulled.updated()).isEqualTo(1);
        assertThat(again.updated()).isZero();
        assertThat(w.book.entry(w.mia, entry.getEventId()).orElseThrow().getTitle()).isEqualTo("Check-in (moved to the afternoon)");
        List<DomainEvent> updated = w.events.ofType(CalendarEvents.UPDATED);
        assertThat(updated).singleElement().satisfies(e ->
                assertThat(e.payload().path("fromConnection").asText()).isEqualTo(w.connection(w.mia).getId()));

        int patches = w.google.calls("patch");
        w.pushAll();
        assertThat(w.google.calls("patch")).as("the change is not sent back where it came from").isEqualTo(patches);
    }

    @Test
    void aDeletionThereCancelsTheEntryAndADeletionInDomusDeletesThere() {
        w.connect(w.mia);
        w.connect(w.olga);
        CalendarEventItem first = domusEntry();
        w.book.put("reservation:r2:check-in", w.org, List.of(w.mia), new CalendarEntry("Second", null, "2031-06-01", "2031-06-02"));
        w.pushAll();
        assertThat(w.google.live()).hasSize(2);
        String firstExternal = w.google.live().stream().filter(e -> e.domusEventId().equals(first.getEventId())).findFirst().orElseThrow().externalId();
        w.events.clear();

        w.google.cancelled(firstExternal);
        assertThat(w.sync.sync(w.connection(w.mia)).deleted()).isEqualTo(1);
        assertThat(w.book.entry(w.mia, first.getEventId()).orElseThrow().getStatus()).isEqualTo(CalendarEventItem.CANCELLED);
        assertThat(w.events.ofType(CalendarEvents.DELETED)).hasSize(1);
        int deletes = w.google.calls("delete");
        w.pushAll();
        assertThat(w.google.calls("delete")).as("deleted there already").isEqualTo(deletes);

        w.events.clear();
        assertThat(w.book.cancel("reservation:r2:check-in")).isEqualTo(1);
        assertThat(w.book.cancel("reservation:r2:check-in")).as("cancelled once").isZero();
        w.pushAll();
        assertThat(w.google.live()).isEmpty();
        assertThat(w.sync.sync(w.connection(w.mia)).deleted()).as("the deletion's notification changes nothing").isZero();
    }

    @Test
    void anExpiringAccessTokenIsRefreshedBeforeTheCallAndARefusedOneOnceMore() {
        w.connect(w.mia);
        int refreshes = w.google.calls("refresh");
        w.clock.advance(Duration.ofMinutes(56));
        w.sync.sync(w.connection(w.mia));
        assertThat(w.google.calls("refresh")).as("5 minutes before expiry").isEqualTo(refreshes + 1);

        w.google.expireAccessTokens();
        domusEntry();
        w.pushAll();
        assertThat(w.google.calls("refresh")).isEqualTo(refreshes + 2);
        assertThat(w.google.live()).hasSize(1);
        assertThat(w.connection(w.mia).getTokens()).doesNotContain(w.google.validAccessTokens.getLast());

        w.google.refreshRefused = true;
        w.google.expireAccessTokens();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.sync.sync(w.connection(w.mia)));
        assertThat(w.connection(w.mia).getStatus()).isEqualTo(ConnectionItem.NEEDS_CONSENT);
    }

    @Test
    void anExpiredSyncTokenMeansAFullPullThatAddsNoDuplicates() {
        w.google.userAdds("Dentist", "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z");
        w.connect(w.mia);
        w.google.userAdds("Gym", "2031-04-02T09:00:00Z", "2031-04-02T10:00:00Z");
        w.google.syncTokensExpired = true;

        CalendarSync.Result result = w.sync.sync(w.connection(w.mia));

        assertThat(result.imported()).isEqualTo(1);
        assertThat(entries(w.mia)).extracting(CalendarEventItem::getTitle).containsExactlyInAnyOrder("Dentist", "Gym");
    }

    @Test
    void theQuarterHourlyPollsRefreshTokensDueBeforeTheNextRunAndRenewChannelsDueWithinADay() {
        w.connect(w.mia);
        w.connect(w.olga);
        int refreshes = w.google.calls("refresh");
        int watches = w.google.calls("watch");
        w.clock.advance(Duration.ofMinutes(45));
        assertThat(w.onboarding.everyQuarterHour()).isEqualTo(2);
        assertThat(w.queued).extracting(m -> m.reason()).containsOnly("poll");
        pollQueued();
        assertThat(w.google.calls("refresh")).as("20 minutes ahead").isEqualTo(refreshes + 2);
        assertThat(w.google.calls("watch")).isEqualTo(watches);

        w.clock.advance(Duration.ofDays(6).plusHours(1));
        w.onboarding.everyQuarterHour();
        pollQueued();
        assertThat(w.google.calls("watch")).isEqualTo(watches + 2);

        // A notification's pull neither refreshes early nor renews.
        int before = w.google.calls("refresh") + w.google.calls("watch");
        w.onboarding.pull(w.connection(w.mia), "notification");
        assertThat(w.google.calls("refresh") + w.google.calls("watch")).isEqualTo(before);
    }

    @Test
    void theSyncQueuePullsAConnectionAndDeadLettersAMessageNamingNoneAtOnce() {
        w.google.userAdds("Dentist", "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z");
        w.connect(w.mia);
        w.google.userAdds("Gym", "2031-04-02T09:00:00Z", "2031-04-02T10:00:00Z");
        List<String> deadLettered = new java.util.ArrayList<>();
        var sqs = (software.amazon.awssdk.services.sqs.SqsClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {software.amazon.awssdk.services.sqs.SqsClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) throw new UnsupportedOperationException(method.getName());
                    var b = software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder();
                    @SuppressWarnings("unchecked")
                    var consumer = (java.util.function.Consumer<software.amazon.awssdk.services.sqs.model.SendMessageRequest.Builder>) args[0];
                    consumer.accept(b);
                    deadLettered.add(b.build().messageAttributes().get("reason").stringValue());
                    return software.amazon.awssdk.services.sqs.model.SendMessageResponse.builder().build();
                });
        var handler = new app.domus.calendar.sync.SyncCalendarHandler(w.connections, w.onboarding, sqs, "dlq");

        var response = handler.handleRequest(app.domus.shared.testing.SqsEvents.batch(
                "{\"connectionId\":\"" + w.connection(w.mia).getId() + "\",\"reason\":\"notification\"}",
                "{\"connectionId\":\"gone\",\"reason\":\"poll\"}", "{}", "not json"), new app.domus.shared.testing.TestContext());

        assertThat(app.domus.shared.testing.SqsEvents.failed(response)).isEmpty();
        assertThat(entries(w.mia)).extracting(CalendarEventItem::getTitle).containsExactlyInAnyOrder("Dentist", "Gym");
        assertThat(deadLettered).hasSize(3).anySatisfy(r -> assertThat(r).contains("no calendar connection gone"))
                .anySatisfy(r -> assertThat(r).contains("connectionId is required")).anySatisfy(r -> assertThat(r).contains("not JSON"));

        // A provider failing is the item's failure: tried again by the queue.
        w.google.expireAccessTokens();
        w.google.refreshRefused = true;
        var failing = handler.handleRequest(app.domus.shared.testing.SqsEvents.batch(
                "{\"connectionId\":\"" + w.connection(w.mia).getId() + "\",\"reason\":\"notification\"}"), new app.domus.shared.testing.TestContext());
        assertThat(app.domus.shared.testing.SqsEvents.failed(failing)).hasSize(1);
    }

    private void pollQueued() {
        for (var message : List.copyOf(w.queued)) w.onboarding.pull(w.connections.connection(message.connectionId()).orElseThrow(), message.reason());
        w.queued.clear();
    }
}
