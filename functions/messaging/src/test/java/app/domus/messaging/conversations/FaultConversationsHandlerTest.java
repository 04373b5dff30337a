package app.domus.messaging.conversations;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.messaging.MessagingFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.testing.TestContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FaultReported opens the fault's conversation; FaultAssigned brings in the assignee, once the conversation exists. */
class FaultConversationsHandlerTest {
    private final MessagingFixture f = new MessagingFixture();
    private final FaultConversationsHandler handler = new FaultConversationsHandler(f.idempotency, f.conversations);
    private final String faultId = Ids.newId();

    private DomainEvent event(String type, Map<String, Object> payload) {
        return new DomainEvent(Ids.newId(), type, 1, Instant.parse("2026-03-02T09:00:00Z"), f.orgA, "test", Json.MAPPER.valueToTree(payload));
    }

    private DomainEvent reported() {
        return event("FaultReported", Map.of("faultId", faultId, "organisationId", f.orgA, "buildingId", f.buildingA1.getId(),
                "unitId", "UNIT2", "reportedBy", f.tenant, "category", "plumbing", "photoCount", 0));
    }

    private DomainEvent assigned() {
        return event("FaultAssigned", Map.of("faultId", faultId, "organisationId", f.orgA, "buildingId", f.buildingA1.getId(),
                "assigneeId", f.technician, "assignedBy", "system", "assignment", 1));
    }

    @Test
    void anAssignmentBeforeTheReportsConversationIsRetriedAndThenJoins() {
        assertThat(failed(handler.handleRequest(batch(assigned()), new TestContext()))).as("no conversation yet").hasSize(1);

        DomainEvent assignment = assigned();
        assertThat(failed(handler.handleRequest(batch(reported(), assignment), new TestContext()))).isEmpty();

        ConversationItem conversation = f.conversations.find(faultId).orElseThrow();
        assertThat(conversation.getParticipantIds()).containsExactly(f.tenant, f.manager, f.technician);
        assertThat(conversation.getTitle()).isEqualTo("Fault: plumbing");
        assertThat(conversation.getBuildingId()).isEqualTo(f.buildingA1.getId());
    }
}
