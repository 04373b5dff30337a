package app.domus.calendar.sync;

import app.domus.shared.json.Json;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The calendar sync queue: one message per connection to pull ({@code {"connectionId", "reason"}}). */
public class SyncRequests {
    public record Message(String connectionId, String reason) {}

    private final SqsClient sqs;
    private final String queueUrl;

    public SyncRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(Json.write(batch.get(i))).build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " calendar sync requests were not queued: " + response.failed().getFirst().message());
            }
        }
    }
}
