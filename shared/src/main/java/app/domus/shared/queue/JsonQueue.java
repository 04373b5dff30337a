package app.domus.shared.queue;

import app.domus.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** A work queue of JSON messages ({@code T} each): sent in batches of ten (SQS's most), failing loudly when SQS refuses any. */
public class JsonQueue<T> {
    private final SqsClient sqs;
    private final String queueUrl;

    public JsonQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(List<? extends T> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<? extends T> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(Json.write(batch.get(i))).build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " messages were not queued: " + response.failed().getFirst().message());
            }
        }
    }
}
