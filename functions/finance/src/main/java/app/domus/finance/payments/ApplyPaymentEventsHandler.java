package app.domus.finance.payments;

import app.domus.finance.FinanceComponent;
import app.domus.shared.config.Env;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The payment events queue: each verified Stripe event applied to the books ({@link PaymentSettlement}), once. A message
 * that is not a Stripe event about a payment goes straight to the DLQ with its reason; one whose settlement fails is
 * reported for retry, and after the queue's receive limit lands in the DLQ by redrive.
 */
public class ApplyPaymentEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyPaymentEventsHandler.class);

    private final PaymentSettlement settlement;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public ApplyPaymentEventsHandler() {
        this(FinanceComponent.create());
    }

    private ApplyPaymentEventsHandler(FinanceComponent wiring) {
        this(wiring.settlement(), wiring.sqs(), Env.required("PAYMENT_EVENTS_DLQ_URL"));
    }

    ApplyPaymentEventsHandler(PaymentSettlement settlement, SqsClient sqs, String deadLetterQueueUrl) {
        this.settlement = settlement;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    Optional<GatewayEvent> event = GatewayEvent.parse(message.getBody());
                    if (event.isEmpty()) {
                        deadLetter(message, "not a Stripe event about a PaymentIntent or a charge");
                        continue;
                    }
                    PaymentSettlement.Outcome outcome = settlement.apply(event.get());
                    LOG.info("Payment event {} ({}): {}", event.get().id(), event.get().type(), outcome);
                    Observability.count("PaymentEvents", "Outcome", outcome.name());
                } catch (RuntimeException e) {
                    LOG.error("Payment event message {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private void deadLetter(SQSEvent.SQSMessage message, String reason) {
        LOG.warn("Payment event message {} dead-lettered: {}", message.getMessageId(), reason);
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(message.getBody()).messageAttributes(Map.of(
                "reason", MessageAttributeValue.builder().dataType("String").stringValue(reason).build(),
                "sourceMessageId", MessageAttributeValue.builder().dataType("String").stringValue(message.getMessageId()).build())));
        Observability.count("PaymentEventsDeadLettered");
    }

    /** Before the snapshot: an empty batch through the pipeline (nothing is read or written). */
    @Override
    public void prime() {
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of());
        handleRequest(batch, Priming.context());
        Priming.warmPipeline();
    }
}
