package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * On {@code InquirySent} the listing's realtor, on {@code InquiryResponded} the inquirer, is written to (by e-mail and
 * push, by their preferences for listings). The request's id is the inquiry's or the response's, so a redelivered event
 * is one message.
 */
public class InquiryNotificationsHandler extends EventConsumer<JsonNode> {
    public static final String INQUIRY_TEMPLATE = "listing-inquiry";
    public static final String RESPONSE_TEMPLATE = "listing-inquiry-response";

    private final NotificationSender notifications;

    public InquiryNotificationsHandler() {
        this(ListingsComponent.create());
    }

    private InquiryNotificationsHandler(ListingsComponent wiring) {
        this(wiring.idempotency(), wiring.notifications());
    }

    public InquiryNotificationsHandler(IdempotencyStore idempotency, NotificationSender notifications) {
        super(JsonNode.class, idempotency, InquiryEvents.SENT, InquiryEvents.RESPONDED);
        this.notifications = notifications;
    }

    @Override
    protected void handle(JsonNode payload) {
        if (payload.has("responseId")) {
            var responded = Json.MAPPER.convertValue(payload, InquiryEvents.Responded.class);
            notifications.send(new NotificationRequest("inquiry-response:" + responded.responseId(), responded.inquirerId(), null,
                    Category.LISTINGS, RESPONSE_TEMPLATE, Map.of("place", responded.place(), "message", responded.message(),
                    "listingId", responded.listingId(), "inquiryId", responded.inquiryId())));
        } else {
            var sent = Json.MAPPER.convertValue(payload, InquiryEvents.Sent.class);
            String times = sent.preferredViewingTimes() == null || sent.preferredViewingTimes().isEmpty() ? "none given"
                    : String.join(", ", sent.preferredViewingTimes());
            notifications.send(new NotificationRequest("inquiry:" + sent.inquiryId(), sent.realtorId(), null, Category.LISTINGS,
                    INQUIRY_TEMPLATE, Map.of("place", sent.place(), "message", sent.message(), "viewingTimes", times,
                    "listingId", sent.listingId(), "inquiryId", sent.inquiryId())));
        }
    }
}
