package app.domus.maintenance.predict;

import app.domus.shared.queue.JsonQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The prediction queue: one message per building to score ({@code {"organisationId", "buildingId", "modelVersion",
 * "modelUrl"}}, the model's version and its file's presigned address, both absent before a model is published).
 */
public class PredictionRequests extends JsonQueue<PredictionRequests.Message> {
    public record Message(String organisationId, String buildingId, String modelVersion, String modelUrl) {}

    public PredictionRequests(SqsClient sqs, String queueUrl) {
        super(sqs, queueUrl);
    }
}
