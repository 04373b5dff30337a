package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.events.AccountDeletedConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code AccountDeleted} (the {@code EraseInquiries} entry of the Consumers mapping): the free text of the inquiries
 * the person wrote is erased ({@link InquiryErasure}). Once per event (the kernel's idempotency); a repeat finds them
 * erased and changes nothing.
 */
public class EraseInquiriesHandler extends AccountDeletedConsumer {
    private final InquiryErasure erasure;

    public EraseInquiriesHandler() {
        this(ListingsComponent.create());
    }

    private EraseInquiriesHandler(ListingsComponent wiring) {
        this(wiring.idempotency(), wiring.inquiryErasure());
    }

    public EraseInquiriesHandler(IdempotencyStore idempotency, InquiryErasure erasure) {
        super(idempotency);
        this.erasure = erasure;
    }

    @Override
    protected int erase(String userId) {
        return erasure.eraseWrittenBy(userId);
    }
}
