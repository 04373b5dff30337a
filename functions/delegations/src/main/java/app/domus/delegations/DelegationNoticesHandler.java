package app.domus.delegations;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code DelegationCreated}, {@code DelegationAccepted}, {@code DelegationDeclined} and
 * {@code DelegationRevoked}: asks the notifier to tell the other side (see {@link DelegationNotices}).
 */
public class DelegationNoticesHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final DelegationNotices notices;

    public DelegationNoticesHandler() {
        this(DelegationsComponent.create());
    }

    private DelegationNoticesHandler(DelegationsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    DelegationNoticesHandler(IdempotencyStore idempotency, DelegationNotices notices) {
        this.idempotency = idempotency;
        this.notices = notices;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        notices.handle(event);
    }
}
