package app.domus.finance.payments;

import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily reconciliation (EventBridge Scheduler, shortly after midnight UTC): the day before the one it was scheduled
 * for. The schedule's input carries {@code scheduledTime} (the scheduler's {@code <aws.scheduler.scheduled-time>}), so a
 * late or repeated run reconciles the same day; without it, the day before now.
 */
public class ReconcilePaymentsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilePaymentsHandler.class);

    private final PaymentReconciliation reconciliation;
    private final java.time.Clock clock;
    private final PaymentGateway gateway;

    public ReconcilePaymentsHandler() {
        this(PaymentsComponent.create());
    }

    private ReconcilePaymentsHandler(PaymentsComponent wiring) {
        this.reconciliation = wiring.reconciliation();
        this.clock = wiring.clock();
        this.gateway = wiring.gateway();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Observability.invocation(context, "reconcile-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            LocalDate day = scheduledFor(input).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
            ReconciliationReportItem report = reconciliation.reconcile(day);
            LOG.info("Reconciled {}: {} charges, {} differences", day, report.getChargesChecked(), report.getDifferences().size());
            if (!report.getDifferences().isEmpty()) Observability.count("ReconciliationFoundDifferences");
            return Map.of("day", day.toString(), "chargesChecked", report.getChargesChecked(), "differences", report.getDifferences());
        });
    }

    private Instant scheduledFor(Map<String, Object> input) {
        Object scheduled = input == null ? null : input.get("scheduledTime");
        if (scheduled instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                LOG.warn("The schedule's scheduledTime {} is not an instant; reconciling yesterday", text);
            }
        }
        return clock.instant();
    }

    /** Before the snapshot: stripe-java's client and parameters (no call); the gateway and the table are reached on the first run. */
    @Override
    public void prime() {
        gateway.prime();
        Priming.warmPipeline();
    }
}
