package app.domus.messaging.conversations;

import app.domus.messaging.MessagingComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code FaultReported}: opens the fault's conversation (its reporter and the building's managers). On
 * {@code FaultAssigned}: the assignee joins it; an assignment that arrives before the report's conversation exists is
 * retried until it does.
 */
public class FaultConversationsHandler extends EventConsumer<FaultConversationsHandler.FaultChange> {
    static final String FAULT_REPORTED = "FaultReported";
    static final String FAULT_ASSIGNED = "FaultAssigned";

    private final ConversationService conversations;

    public FaultConversationsHandler() {
        this(MessagingComponent.create());
    }

    private FaultConversationsHandler(MessagingComponent wiring) {
        this(wiring.idempotency(), wiring.conversations());
    }

    FaultConversationsHandler(IdempotencyStore idempotency, ConversationService conversations) {
        super(FaultChange.class, idempotency, FAULT_REPORTED, FAULT_ASSIGNED);
        this.conversations = conversations;
    }

    /**
     * What this context reads of the faults context's {@code FaultReported} and {@code FaultAssigned} payloads (the
     * published contract, see events/): an assignment is the one with an {@code assigneeId}.
     */
    public record FaultChange(String faultId, String organisationId, String buildingId, String reportedBy, String category,
                              String assigneeId) {}

    @Override
    protected void handle(FaultChange event) {
        if (event.assigneeId() != null) {
            conversations.join(event.faultId(), event.assigneeId());
        } else {
            conversations.openForFault(event.faultId(), event.organisationId(), event.buildingId(), event.reportedBy(), event.category());
        }
    }
}
