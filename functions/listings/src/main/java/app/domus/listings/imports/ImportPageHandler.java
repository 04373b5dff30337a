package app.domus.listings.imports;

import app.domus.listings.ListingsComponent;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import pages queue: one page of a run per message ({@link ImportRunner#page}). A failed page is reported for
 * retry; on its last receive ({@code MAX_RECEIVES}, the queue's redrive count) the run is marked failed with the reason
 * (and {@code ImportCompleted}), and the message goes on to the DLQ.
 */
public class ImportPageHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPageHandler.class);
    /** The queue's {@code maxReceiveCount} in the template. */
    static final int MAX_RECEIVES = 5;

    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);
    private final ImportRunner runner;

    public ImportPageHandler() {
        this(ListingsComponent.create().importRunner());
    }

    public ImportPageHandler(ImportRunner runner) {
        this.runner = runner;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                ImportPages.Page page = null;
                try {
                    page = Json.read(message.getBody(), ImportPages.Page.class);
                    if (page.importId() == null || page.runId() == null) throw new IllegalArgumentException("not an import page");
                    runner.page(page);
                } catch (RuntimeException e) {
                    int receives = receives(message);
                    LOG.error("Import page message {} failed (receive {} of {})", message.getMessageId(), receives, MAX_RECEIVES, e);
                    if (page != null && page.importId() != null && receives >= MAX_RECEIVES) {
                        try {
                            runner.failed(page, "Page " + page.page() + " failed " + receives + " times: " + e.getMessage());
                        } catch (RuntimeException markFailed) {
                            LOG.error("Could not mark import run {} failed", page.runId(), markFailed);
                        }
                    }
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private static int receives(SQSEvent.SQSMessage message) {
        try {
            return message.getAttributes() == null ? 1 : Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
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
