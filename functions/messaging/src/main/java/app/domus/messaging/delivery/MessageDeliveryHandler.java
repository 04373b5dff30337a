package app.domus.messaging.delivery;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.messages.MessageEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code MessagePosted}, {@code MessageEdited} and {@code MessageDeleted}: delivers the message to its participants. */
public class MessageDeliveryHandler extends EventConsumer<MessageEvents.MessageChange> {
    private final MessageDelivery delivery;

    public MessageDeliveryHandler() {
        this(MessagingComponent.create());
    }

    private MessageDeliveryHandler(MessagingComponent wiring) {
        this(wiring.idempotency(), wiring.delivery());
    }

    MessageDeliveryHandler(IdempotencyStore idempotency, MessageDelivery delivery) {
        super(MessageEvents.MessageChange.class, idempotency, MessageEvents.POSTED, MessageEvents.EDITED, MessageEvents.DELETED);
        this.delivery = delivery;
    }

    @Override
    protected void handle(MessageEvents.MessageChange event) {
        delivery.deliver(event);
    }
}
