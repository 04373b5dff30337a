package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source: batches to the function, partial batch failures, redelivery after the visibility timeout,
 * and the dead-letter queue after {@code maxReceiveCount} (2 in the test template).
 */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class QueuesTest {

    @Test
    void createsQueuesWithTheirRedrivePolicy(LocalCloudClient cloud) {
        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName("WorkQueue")).queueUrl();
            var attributes = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();

            assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("1");
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains("WorkDLQ").contains("2");
        }
    }

    @Test
    void deletesWhatSucceededAndRetriesOnlyTheReportedFailureUntilItIsDeadLettered(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString();
        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName("WorkQueue")).queueUrl();
            sqs.sendMessageBatch(request -> request.queueUrl(url).entries(
                    SendMessageBatchRequestEntry.builder().id("1").messageBody("ok " + run).build(),
                    SendMessageBatchRequestEntry.builder().id("2").messageBody("fail " + run).build()));
        }

        JsonNode secondAttempt = Recorded.await("WorkerFunction",
                event -> event.path("body").asText().equals("fail " + run) && event.path("receiveCount").asText().equals("2"), Duration.ofSeconds(15));
        assertThat(secondAttempt.path("eventSourceArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:WorkQueue");
        cloud.awaitQueueDrained("WorkQueue");

        assertThat(Recorded.count("WorkerFunction", event -> event.path("body").asText().equals("ok " + run))).isEqualTo(1);
        assertThat(Recorded.count("WorkerFunction", event -> event.path("body").asText().equals("fail " + run))).isEqualTo(2);
        JsonNode deadLetters = cloud.queue("WorkDLQ");
        assertThat(deadLetters.path("deadLetterQueue").asBoolean()).isTrue();
        assertThat(deadLetters.path("deadLetters").toString()).contains("fail " + run);
    }

    @Test
    void retriesTheWholeBatchWhenTheFunctionThrows(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString();
        try (SqsClient sqs = SqsClient.create()) {
            sqs.sendMessage(request -> request.queueUrl(sqs.getQueueUrl(url -> url.queueName("WorkQueue")).queueUrl()).messageBody("crash " + run));
        }

        Recorded.await("WorkerFunction", event -> event.path("body").asText().equals("crash " + run) && event.path("receiveCount").asText().equals("2"),
                Duration.ofSeconds(15));
        cloud.awaitQueueDrained("WorkQueue");
        assertThat(cloud.queue("WorkDLQ").path("deadLetters").toString()).contains("crash " + run);
    }
}
