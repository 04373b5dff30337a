package app.domus.maintenance.predict;

import app.domus.maintenance.PredictComponent;
import app.domus.shared.config.Env;
import app.domus.shared.queue.QueueMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The prediction queue: scores one building's equipment ({@link Predictions#run}). A message naming no building goes
 * to the DLQ at once with its reason; a failure is the item's, tried again and after five receives dead-lettered. A
 * second run the same day replaces the day's predictions, and its alerts are deduplicated by the notifier.
 */
public class PredictMaintenanceHandler extends QueueMessageHandler<PredictionRequests.Message> {
    private static final Logger LOG = LoggerFactory.getLogger(PredictMaintenanceHandler.class);

    private final Predictions predictions;
    private final ModelCache models;

    public PredictMaintenanceHandler() {
        this(PredictComponent.create());
    }

    private PredictMaintenanceHandler(PredictComponent wiring) {
        this(wiring.predictions(), wiring.models(), wiring.sqs(), Env.required("PREDICTION_DLQ_URL"));
    }

    public PredictMaintenanceHandler(Predictions predictions, ModelCache models, SqsClient sqs, String deadLetterQueueUrl) {
        super(PredictionRequests.Message.class, sqs, deadLetterQueueUrl);
        this.predictions = predictions;
        this.models = models;
    }

    @Override
    protected void handle(PredictionRequests.Message request) {
        if (request.buildingId() == null || request.organisationId() == null) {
            throw new Poison("not a prediction request: organisationId and buildingId are required");
        }
        LOG.info("Predictions: {}", predictions.run(request.organisationId(), request.buildingId(),
                () -> models.model(request.modelVersion(), request.modelUrl())));
    }
}
