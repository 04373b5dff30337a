package app.domus.delegations;

import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code DelegationCreated}, {@code DelegationAccepted}, {@code DelegationDeclined} and
 * {@code DelegationRevoked}: asks the notifier to tell the other side (see {@link DelegationNotices}).
 */
public class DelegationNoticesHandler extends EventConsumer<DelegationEvent> {
    private final DelegationNotices notices;

    public DelegationNoticesHandler() {
        this(DelegationsComponent.create());
    }

    private DelegationNoticesHandler(DelegationsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    DelegationNoticesHandler(IdempotencyStore idempotency, DelegationNotices notices) {
        super(DelegationEvent.class, idempotency, DelegationEvent.CREATED, DelegationEvent.ACCEPTED, DelegationEvent.DECLINED, DelegationEvent.REVOKED);
        this.notices = notices;
    }

    @Override
    protected void handle(DelegationEvent event) {
        notices.handle(event);
    }
}
