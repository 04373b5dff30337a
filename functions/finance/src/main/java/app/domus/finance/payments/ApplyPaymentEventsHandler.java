package app.domus.finance.payments;

import app.domus.finance.FinanceComponent;
import app.domus.shared.config.Env;
import app.domus.shared.observability.Observability;
import app.domus.shared.queue.QueueMessageHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The payment events queue: each verified Stripe event applied to the books ({@link PaymentSettlement}), once. A message
 * that is not a Stripe event about a payment goes straight to the DLQ with its reason; one whose settlement fails is
 * reported for retry, and after the queue's receive limit lands in the DLQ by redrive.
 */
public class ApplyPaymentEventsHandler extends QueueMessageHandler<JsonNode> {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyPaymentEventsHandler.class);

    private final PaymentSettlement settlement;

    public ApplyPaymentEventsHandler() {
        this(FinanceComponent.create());
    }

    private ApplyPaymentEventsHandler(FinanceComponent wiring) {
        this(wiring.settlement(), wiring.sqs(), Env.required("PAYMENT_EVENTS_DLQ_URL"));
    }

    ApplyPaymentEventsHandler(PaymentSettlement settlement, SqsClient sqs, String deadLetterQueueUrl) {
        super(JsonNode.class, sqs, deadLetterQueueUrl);
        this.settlement = settlement;
    }

    @Override
    protected void handle(JsonNode message) {
        GatewayEvent event = GatewayEvent.parse(message.toString())
                .orElseThrow(() -> new Poison("not a Stripe event about a PaymentIntent or a charge"));
        PaymentSettlement.Outcome outcome = settlement.apply(event);
        LOG.info("Payment event {} ({}): {}", event.id(), event.type(), outcome);
        Observability.count("PaymentEvents", "Outcome", outcome.name());
    }
}
