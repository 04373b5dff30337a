package app.domus.maintenance.predict;

import app.domus.shared.queue.JsonQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The prediction queue: one message per building to score ({@code {"organisationId", "buildingId"}}). */
public class PredictionRequests extends JsonQueue<PredictionRequests.Message> {
    public record Message(String organisationId, String buildingId) {}

    public PredictionRequests(SqsClient sqs, String queueUrl) {
        super(sqs, queueUrl);
    }
}
