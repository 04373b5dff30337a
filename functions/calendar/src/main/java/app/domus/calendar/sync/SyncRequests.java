package app.domus.calendar.sync;

import app.domus.shared.queue.JsonQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The calendar sync queue: one message per connection to pull ({@code {"connectionId", "reason"}}, reason {@code notification} or {@code poll}). */
public class SyncRequests extends JsonQueue<SyncRequests.Message> {
    public record Message(String connectionId, String reason) {}

    public SyncRequests(SqsClient sqs, String queueUrl) {
        super(sqs, queueUrl);
    }
}
