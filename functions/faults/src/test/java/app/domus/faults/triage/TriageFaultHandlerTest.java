package app.domus.faults.triage;

import app.domus.shared.directory.FaultCategory;
import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static app.domus.shared.testing.SqsEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultEvents;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultsFixture;
import app.domus.faults.analysis.Analysis;
import app.domus.faults.analysis.FaultAnalyser;
import app.domus.faults.reporting.ReportFaultRequest;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.ai.AiTask;
import org.junit.jupiter.api.Test;

class TriageFaultHandlerTest {
    private final FaultsFixture f = new FaultsFixture();
    private final TriageFaultHandler handler = new TriageFaultHandler(f.idempotency, f.triage());

    private DomainEvent reported(FaultItem fault) {
        return f.events.ofType("FaultReported").stream()
                .filter(e -> e.payload().path("faultId").asText().equals(fault.getId())).findFirst().orElseThrow();
    }

    private List<String> triage(DomainEvent event) {
        return failed(handler.handleRequest(batch(message("m-" + event.id(), event)), new TestContext()));
    }

    /** A fault already assigned to the technician and still open, so that it counts towards their load. */
    private void busy(String technician) {
        FaultItem other = f.report(f.tenant, "Other leak", "plumbing");
        f.change(f.admin, other.getId(), technician, null, null);
    }

    @Test
    void aReportedFaultIsAnalysedAssignedToTheLeastBusySkilledTechnicianAndTheManagerIsTold() {
        busy(f.plumber);
        FaultItem fault = f.report(f.tenant, "Water leaking from the pipe under the sink", "plumbing");
        DomainEvent event = reported(fault);
        f.events.clear();

        assertThat(triage(event)).isEmpty();

        FaultItem stored = f.stored(fault.getId());
        assertThat(stored.getAiCategory()).isEqualTo("PLUMBING");
        assertThat(stored.getAiConfidence()).isBetween(0.5, 1.0);
        assertThat(stored.getAiTags()).isNotEmpty();
        assertThat(stored.getPhotoAnalysis()).isEqualTo(Analysis.NO_PHOTOS);
        assertThat(stored.getAssigneeId()).as("the other plumber has an open fault already").isEqualTo(f.plumberAndHeater);
        assertThat(stored.getAssignedBy()).isEqualTo(FaultItem.SYSTEM);
        assertThat(stored.getGsi2pk()).isEqualTo(FaultItem.byAssignee(f.plumberAndHeater));
        assertThat(f.store.history(fault.getId())).extracting(FaultHistoryItem::getAction)
                .containsExactly(FaultHistoryItem.REPORTED, FaultHistoryItem.ANALYSED, FaultHistoryItem.ASSIGNED);
        assertThat(f.store.history(fault.getId()).get(2).getBy()).isEqualTo(FaultItem.SYSTEM);
        assertThat(f.events.ofType("FaultAssigned")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("assigneeId").asText()).isEqualTo(f.plumberAndHeater);
            assertThat(e.payload().path("assignedBy").asText()).isEqualTo("system");
        });
        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(f.manager);
            assertThat(n.category()).isEqualTo(Category.FAULTS);
            assertThat(n.template()).isEqualTo("fault-reported");
            assertThat(n.data()).containsEntry("building", "Linden House").containsEntry("assignee", "Hanna Heater")
                    .containsEntry("category", "plumbing").containsEntry("title", "Water leaking from the pipe under the sink");
        });
    }

    @Test
    void equallyBusyTechniciansAreChosenInAStableOrder() {
        FaultItem fault = f.report(f.tenant, "Blocked drain", "plumbing");
        triage(reported(fault));
        String expected = f.plumber.compareTo(f.plumberAndHeater) < 0 ? f.plumber : f.plumberAndHeater;
        assertThat(f.stored(fault.getId()).getAssigneeId()).isEqualTo(expected);
    }

    @Test
    void withoutASkilledTechnicianTheFaultStaysUnassignedAndTheManagerIsToldSo() {
        FaultItem fault = f.report(f.tenant, "The lift is stuck on the third floor", "elevator");

        assertThat(triage(reported(fault))).isEmpty();

        FaultItem stored = f.stored(fault.getId());
        assertThat(stored.getAssigneeId()).isNull();
        assertThat(stored.getAiCategory()).isEqualTo("ELEVATOR");
        assertThat(f.events.ofType("FaultAssigned")).isEmpty();
        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(f.manager);
            assertThat(n.template()).isEqualTo("fault-unassigned");
            assertThat(n.data()).containsEntry("category", "elevator");
        });
    }

    @Test
    void aBuildingWithoutManagersHasItsOrganisationsAdminsTold() {
        BuildingItem unmanaged = f.building(f.orgA, "Quiet House");
        String secondAdmin = f.user("Second Admin");
        f.member(secondAdmin, f.orgA, Role.ORG_ADMIN, null, null);
        f.member(f.owner, f.orgA, Role.OWNER, unmanaged.getId(), "U9");
        var request = new ReportFaultRequest("Graffiti on the wall", "Sprayed at night", "cleaning",
                unmanaged.getId(), null, null);
        FaultItem fault = f.reporting.report(f.owner, f.faultAccess.mayReport(FaultsFixture.caller(f.owner), unmanaged.getId(), null), request);

        triage(reported(fault));

        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.admin, secondAdmin);
    }

    @Test
    void aFaultReportedAsOtherIsRoutedByAConfidentAi() {
        FaultItem fault = f.report(f.tenant, "Sparks and a burning smell from the socket in the hallway", "other");

        triage(reported(fault));

        FaultItem stored = f.stored(fault.getId());
        assertThat(stored.getCategory()).as("the reporter's choice stays").isEqualTo("OTHER");
        assertThat(stored.getAiCategory()).isEqualTo("ELECTRICAL");
        assertThat(stored.getAssigneeId()).isEqualTo(f.electrician);
        assertThat(Triage.tradeNeeded(stored)).isEqualTo(FaultCategory.ELECTRICAL);
    }

    @Test
    void anUnsureAiDoesNotOverruleOther() {
        FaultItem fault = f.report(f.tenant, "Strange thing", "other");
        FaultAnalyser unsure = any -> new Analysis(FaultCategory.PLUMBING, 0.3, List.of(), Analysis.NO_PHOTOS);

        failed(new TriageFaultHandler(f.idempotency, f.triage(unsure)).handleRequest(batch(message("m1", reported(fault))), new TestContext()));

        assertThat(f.stored(fault.getId()).getAssigneeId()).isNull();
        assertThat(f.notifications.sent).extracting(NotificationRequest::template).containsExactly("fault-unassigned");
    }

    @Test
    void aFailingAiDoesNotHoldTheFaultBack() {
        FaultItem fault = f.report(f.tenant, "Dripping tap", "plumbing");
        FaultAnalyser broken = any -> {
            throw new IllegalStateException("model unavailable");
        };

        var response = new TriageFaultHandler(f.idempotency, f.triage(broken)).handleRequest(batch(message("m1", reported(fault))),
                new TestContext());

        assertThat(failed(response)).isEmpty();
        FaultItem stored = f.stored(fault.getId());
        assertThat(stored.getPhotoAnalysis()).isEqualTo(Analysis.FAILED);
        assertThat(stored.getAiCategory()).isNull();
        assertThat(stored.getAssigneeId()).isNotNull();
    }

    @Test
    void withTheTriageAgentSwitchedOffTheFaultIsRoutedByTheReportersCategoryAndSaysWhy() {
        FaultItem fault = f.report(f.tenant, "Dripping tap", "plumbing");
        AtomicInteger analyses = new AtomicInteger();
        FaultAnalyser counting = any -> {
            analyses.incrementAndGet();
            return FaultsFixture.localAnalyser().analyse(any);
        };
        f.gateway.switchAgent(f.orgA, AiTask.FAULT_TRIAGE, false, f.admin);

        assertThat(failed(new TriageFaultHandler(f.idempotency, f.triage(counting)).handleRequest(batch(message("m1", reported(fault))),
                new TestContext()))).isEmpty();

        assertThat(analyses).hasValue(0);
        FaultItem stored = f.stored(fault.getId());
        assertThat(stored.getAiCategory()).isNull();
        assertThat(stored.getAssigneeId()).as("routed by the reporter's category").isIn(f.plumber, f.plumberAndHeater);
        assertThat(f.store.history(fault.getId())).anySatisfy(h -> assertThat(h.getNote()).contains("switched off"));
        assertThat(f.table.all(AiRunItem.class, AiRunItem.pk(f.orgA), AiRunItem.SK_PREFIX))
                .singleElement().satisfies(r -> assertThat(r.getErrorCategory()).isEqualTo("agent-off"));
    }

    @Test
    void twoReportsWithTheSameWordsAreAnalysedOnceThroughTheGatewaysCache() {
        AtomicInteger analyses = new AtomicInteger();
        FaultAnalyser counting = any -> {
            analyses.incrementAndGet();
            return FaultsFixture.localAnalyser().analyse(any);
        };
        TriageFaultHandler consumer = new TriageFaultHandler(f.idempotency, f.triage(counting));
        FaultItem first = f.report(f.tenant, "Sparks from the socket in the hallway", "other");
        FaultItem second = f.report(f.owner, "Sparks from the socket in the hallway", "other");

        consumer.handleRequest(batch(message("m1", reported(first))), new TestContext());
        consumer.handleRequest(batch(message("m2", reported(second))), new TestContext());

        assertThat(analyses).hasValue(1);
        assertThat(f.stored(second.getId()).getAiCategory()).isEqualTo(f.stored(first.getId()).getAiCategory()).isEqualTo("ELECTRICAL");
        assertThat(f.table.all(AiRunItem.class, AiRunItem.pk(f.orgA), AiRunItem.SK_PREFIX)).extracting(AiRunItem::getCached)
                .containsExactly(false, true);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        FaultItem fault = f.report(f.tenant, "Blocked toilet", "plumbing");
        DomainEvent event = reported(fault);
        AtomicInteger analyses = new AtomicInteger();
        FaultAnalyser counting = any -> {
            analyses.incrementAndGet();
            return FaultsFixture.localAnalyser().analyse(any);
        };
        TriageFaultHandler consumer = new TriageFaultHandler(f.idempotency, f.triage(counting));

        assertThat(failed(consumer.handleRequest(batch(message("m1", event)), new TestContext()))).isEmpty();
        assertThat(failed(consumer.handleRequest(batch(message("m1-again", event), message("m2", event)), new TestContext()))).isEmpty();

        assertThat(analyses).hasValue(1);
        assertThat(f.store.history(fault.getId())).hasSize(3);
        assertThat(f.events.ofType("FaultAssigned")).hasSize(1);
        assertThat(f.notifications.sent).hasSize(1);
    }

    @Test
    void aRetryAfterAFailedNoticeRepeatsNothingThatWasDone() {
        FaultItem fault = f.report(f.tenant, "Leaking pipe", "plumbing");
        DomainEvent event = reported(fault);
        f.notifications.down = true;

        assertThat(triage(event)).containsExactly("m-" + event.id());
        FaultItem afterFirst = f.stored(fault.getId());
        assertThat(afterFirst.getAssigneeId()).isNotNull();

        f.notifications.down = false;
        assertThat(triage(event)).isEmpty();

        assertThat(f.stored(fault.getId()).getVersion()).isEqualTo(afterFirst.getVersion());
        assertThat(f.store.history(fault.getId())).hasSize(3);
        assertThat(f.events.ofType("FaultAssigned")).extracting(e -> e.payload().path("assignment").asInt())
                .as("written once, with the assignment it announces: the retry finds it done").containsExactly(1);
        assertThat(f.notifications.delivered()).hasSize(1);
    }

    @Test
    void poisonMessagesFailAloneAndOtherEventsAreIgnored() {
        FaultItem fault = f.report(f.tenant, "Broken radiator", "heating");
        DomainEvent other = DomainEvent.of("UnitCreated", f.orgA, Json.MAPPER.valueToTree(Map.of("unitId", "U1")),
                f.clock.instant());

        var response = handler.handleRequest(batch(message("poison", "{not json"), message("good", reported(fault)),
                message("not-an-event", "{\"hello\":\"world\"}"), message("other", other)), new TestContext());

        assertThat(failed(response)).containsExactlyInAnyOrder("poison", "not-an-event");
        assertThat(f.stored(fault.getId()).getAssigneeId()).isEqualTo(f.plumberAndHeater);
    }

    @Test
    void aFaultThatNoLongerExistsIsAcknowledged() {
        DomainEvent ghost = DomainEvent.of("FaultReported", f.orgA,
                Json.MAPPER.valueToTree(new FaultEvents.FaultReported("GONE", f.orgA, f.buildingA1.getId(), null, f.owner,
                        "plumbing", 0)), f.clock.instant());
        assertThat(triage(ghost)).isEmpty();
        assertThat(f.notifications.sent).isEmpty();
    }
}
