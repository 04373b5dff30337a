package app.domus.faults.triage;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static app.domus.shared.testing.SqsEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultItem;
import app.domus.faults.FaultsFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import org.junit.jupiter.api.Test;

class NoticeHandlersTest {
    private final FaultsFixture f = new FaultsFixture();
    private final NotifyAssigneeHandler assignee = new NotifyAssigneeHandler(f.idempotency, f.notices);
    private final NotifyReporterHandler reporter = new NotifyReporterHandler(f.idempotency, f.notices);
    private final FaultItem fault = f.report(f.tenant, "Dripping tap", "plumbing");

    private void assign(String technician) {
        f.change(f.manager, fault.getId(), technician, null, null);
    }

    private void move(String userId, String status, String resolution) {
        f.change(userId, fault.getId(), null, status, resolution);
    }

    private DomainEvent last(String type) {
        return f.events.ofType(type).getLast();
    }

    @Test
    void theAssignedTechnicianIsToldOnceWhateverTheRedeliveries() {
        assign(f.plumber);
        DomainEvent assigned = last("FaultAssigned");

        assertThat(failed(assignee.handleRequest(batch(message("m1", assigned)), new TestContext()))).isEmpty();
        assertThat(failed(assignee.handleRequest(batch(message("m1-again", assigned)), new TestContext()))).isEmpty();

        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("fault-assigned-" + fault.getId() + "-1");
            assertThat(n.userId()).isEqualTo(f.plumber);
            assertThat(n.category()).isEqualTo(Category.FAULTS);
            assertThat(n.template()).isEqualTo("fault-assigned");
            assertThat(n.data()).containsEntry("title", "Dripping tap").containsEntry("building", "Linden House")
                    .containsEntry("category", "plumbing");
        });
    }

    @Test
    void aSupersededAssignmentIsNotAnnounced() {
        assign(f.plumber);
        DomainEvent first = last("FaultAssigned");
        assign(f.plumberAndHeater);
        DomainEvent second = last("FaultAssigned");

        assignee.handleRequest(batch(message("m2", second), message("m1", first)), new TestContext());

        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsExactly(f.plumberAndHeater);
        assertThat(f.notifications.sent.get(0).id()).endsWith("-2");
    }

    @Test
    void theReporterHearsOfEachResolution() {
        assign(f.plumber);
        move(f.plumber, "in_progress", null);
        move(f.plumber, "resolved", "New washer fitted");
        DomainEvent firstResolution = last("FaultResolved");
        move(f.tenant, "reopened", null);
        move(f.plumber, "resolved", "New tap fitted");
        DomainEvent secondResolution = last("FaultResolved");

        var response = reporter.handleRequest(batch(message("r1", firstResolution), message("r1-again", firstResolution),
                message("r2", secondResolution)), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsOnly(f.tenant);
        assertThat(f.notifications.sent).extracting(n -> n.data().get("resolution")).containsExactly("New washer fitted", "New tap fitted");
        assertThat(f.notifications.sent).extracting(NotificationRequest::template).containsOnly("fault-resolved");
    }

    @Test
    void aReporterWhoResolvedTheFaultThemselvesIsNotTold() {
        FaultItem own = f.report(f.manager, "Light broken", "electrical");
        f.change(f.manager, own.getId(), null, "escalated", null);
        f.change(f.manager, own.getId(), null, "resolved", "Bulb replaced");

        assertThat(failed(reporter.handleRequest(batch(message("r1", last("FaultResolved"))), new TestContext()))).isEmpty();
        assertThat(f.notifications.sent).isEmpty();
    }

    @Test
    void poisonMessagesFailAlone() {
        assign(f.plumber);
        var response = assignee.handleRequest(batch(message("poison", "]"), message("good", last("FaultAssigned"))), new TestContext());
        assertThat(failed(response)).containsExactly("poison");
        assertThat(f.notifications.sent).hasSize(1);
    }
}
