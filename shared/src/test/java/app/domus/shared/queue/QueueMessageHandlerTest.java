package app.domus.shared.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Work queues: batches of ten, failures loud; a handler dead-letters poison with its reason and reports the rest. */
class QueueMessageHandlerTest {
    /** An SQS client that records what is sent and refuses the batch entries it is told to. */
    static final class RecordingSqs implements SqsClient {
        final List<SendMessageRequest> sent = new ArrayList<>();
        final List<SendMessageBatchRequest> batches = new ArrayList<>();
        boolean refuseOne;

        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("dlq-" + sent.size()).build();
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            batches.add(request);
            return SendMessageBatchResponse.builder().failed(refuseOne
                    ? List.of(BatchResultErrorEntry.builder().id("0").code("Throttled").message("slow down").build())
                    : List.of()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    record Job(String name) {}

    static final class Jobs extends QueueMessageHandler<Job> {
        final List<String> done = new ArrayList<>();

        Jobs(SqsClient sqs) {
            super(Job.class, sqs, "https://sqs/dlq");
        }

        @Override
        protected void handle(Job job) {
            if (job.name().equals("poison")) throw new Poison("cannot ever work");
            if (job.name().equals("flaky")) throw new IllegalStateException("try again");
            done.add(job.name());
        }
    }

    @Test
    void poisonGoesToTheDeadLetterQueueAtOnceWithItsReasonAndOtherFailuresAreRetried() {
        RecordingSqs sqs = new RecordingSqs();
        Jobs jobs = new Jobs(sqs);
        SQSBatchResponse response = jobs.handleRequest(SqsEvents.batch(
                "{\"name\":\"a\"}", "{\"name\":\"poison\"}", "{\"name\":\"flaky\"}", "{nope", "{\"name\":\"b\"}"), new TestContext());
        assertThat(jobs.done).containsExactly("a", "b");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m2");
        assertThat(sqs.sent).hasSize(2);
        SendMessageRequest poison = sqs.sent.get(0);
        assertThat(poison.queueUrl()).isEqualTo("https://sqs/dlq");
        assertThat(poison.messageBody()).isEqualTo("{\"name\":\"poison\"}");
        assertThat(poison.messageAttributes().get("reason").stringValue()).isEqualTo("cannot ever work");
        assertThat(poison.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("m1");
        SendMessageRequest notJson = sqs.sent.get(1);
        assertThat(notJson.messageBody()).isEqualTo("{nope");
        assertThat(notJson.messageAttributes().get("reason").stringValue()).startsWith("not JSON: ");
        assertThat(notJson.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("m3");
    }

    @Test
    void primingHandlesAnEmptyBatchAndSendsNothing() {
        RecordingSqs sqs = new RecordingSqs();
        Jobs jobs = new Jobs(sqs);
        jobs.prime();
        assertThat(sqs.sent).isEmpty();
        assertThat(jobs.done).isEmpty();
    }

    @Test
    void aQueueSendsInBatchesOfTenAsJson() {
        RecordingSqs sqs = new RecordingSqs();
        new JsonQueue<Job>(sqs, "https://sqs/work").send(IntStream.range(0, 21).mapToObj(i -> new Job("j" + i)).toList());
        assertThat(sqs.batches).extracting(b -> b.entries().size()).containsExactly(10, 10, 1);
        assertThat(sqs.batches).allMatch(b -> b.queueUrl().equals("https://sqs/work"));
        assertThat(sqs.batches.get(1).entries()).extracting(e -> e.id()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(sqs.batches.get(1).entries().get(0).messageBody()).isEqualTo("{\"name\":\"j10\"}");
        assertThat(sqs.batches.get(2).entries().get(0).messageBody()).isEqualTo("{\"name\":\"j20\"}");

        new JsonQueue<Job>(sqs, "https://sqs/work").send(List.of());
        assertThat(sqs.batches).hasSize(3);
    }

    @Test
    void aQueueFailsLoudlyWhenSqsRefusesAMessage() {
        RecordingSqs sqs = new RecordingSqs();
        sqs.refuseOne = true;
        assertThatThrownBy(() -> new JsonQueue<Job>(sqs, "https://sqs/work").send(List.of(new Job("a"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("1 messages were not queued: slow down");
    }
}
