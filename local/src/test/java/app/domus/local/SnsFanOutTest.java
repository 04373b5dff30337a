package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.json.Json;
import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** SNS as the platform uses it, answered by the local cloud: fan-out to queues and functions through filter policies. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class SnsFanOutTest {
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:EventsTopic";

    @Test
    void deliversEachEventOnlyToTheSubscriptionsWhoseFilterAcceptsIt(LocalCloudClient cloud) throws Exception {
        String approved = "{\"itemId\":\"" + UUID.randomUUID() + "\"}";
        String rejected = "{\"itemId\":\"" + UUID.randomUUID() + "\"}";
        try (SnsClient sns = SnsClient.create()) {
            sns.publish(request -> request.topicArn(TOPIC_ARN).message(approved).messageAttributes(eventType("ItemApproved")));
            sns.publish(request -> request.topicArn(TOPIC_ARN).message(rejected).messageAttributes(eventType("ItemRejected")));
        }

        List<Message> approvedQueue = drain("ApprovedQueue");
        assertThat(approvedQueue).extracting(Message::body).contains(approved).doesNotContain(rejected);
        Message raw = approvedQueue.stream().filter(message -> message.body().equals(approved)).findFirst().orElseThrow();
        assertThat(raw.messageAttributes().get("eventType").stringValue()).isEqualTo("ItemApproved");

        List<JsonNode> envelopes = drain("EverythingButRejectedQueue").stream().map(message -> Json.read(message.body())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.path("Message").asText()).contains(approved).doesNotContain(rejected);
        assertThat(envelopes.getFirst().path("Type").asText()).isEqualTo("Notification");
        assertThat(envelopes.getFirst().path("TopicArn").asText()).isEqualTo(TOPIC_ARN);

        JsonNode lambdaEvent = Recorded.await("ApprovalListenerFunction",
                event -> event.toString().contains(approved.replace("\"", "\\\"")), Duration.ofSeconds(10));
        JsonNode record = lambdaEvent.path("Records").get(0);
        assertThat(record.path("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.path("Sns").path("MessageAttributes").path("eventType").path("Value").asText()).isEqualTo("ItemApproved");
        assertThat(Recorded.count("ApprovalListenerFunction", event -> event.toString().contains(rejected.replace("\"", "\\\"")))).isZero();

        JsonNode event = cloud.awaitEvent("ItemApproved", candidate -> candidate.path("message").asText().equals(approved));
        assertThat(event.path("topic").asText()).isEqualTo("EventsTopic");
    }

    @Test
    void publishesBatches(LocalCloudClient cloud) {
        String first = UUID.randomUUID().toString();
        try (SnsClient sns = SnsClient.create()) {
            var response = sns.publishBatch(request -> request.topicArn(TOPIC_ARN).publishBatchRequestEntries(
                    PublishBatchRequestEntry.builder().id("a").message(first).messageAttributes(eventType("ItemApproved")).build(),
                    PublishBatchRequestEntry.builder().id("b").message("second").messageAttributes(eventType("ItemArchived")).build()));
            assertThat(response.successful()).extracting(entry -> entry.id()).containsExactly("a", "b");
            assertThat(response.failed()).isEmpty();
        }
        assertThat(drain("ApprovedQueue")).extracting(Message::body).contains(first);
    }

    @Test
    void answersTopicAttributesForATemplateTopicOnly(LocalCloudClient cloud) {
        try (SnsClient sns = SnsClient.create()) {
            assertThat(sns.getTopicAttributes(request -> request.topicArn(TOPIC_ARN)).attributes()).containsEntry("TopicArn", TOPIC_ARN);
            assertThatThrownBy(() -> sns.getTopicAttributes(request -> request.topicArn(TOPIC_ARN + "Missing")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void rejectsAPublishToATopicThatDoesNotExist(LocalCloudClient cloud) {
        try (SnsClient sns = SnsClient.create()) {
            assertThatThrownBy(() -> sns.publish(request -> request.topicArn(TOPIC_ARN + "Missing").message("x"))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void capturesTextMessagesAndPushNotificationsInTheOutbox(LocalCloudClient cloud) throws Exception {
        String phone = "+4179" + (1_000_000 + (int) (Math.random() * 8_000_000));
        try (SnsClient sns = SnsClient.create()) {
            sns.publish(request -> request.phoneNumber(phone).message("Your code is 123456"));
            String endpoint = sns.createPlatformEndpoint(request -> request.platformApplicationArn("arn:aws:sns:us-east-1:000000000000:app/GCM/domus")
                    .token("device-token-" + phone)).endpointArn();
            assertThat(sns.createPlatformEndpoint(request -> request.platformApplicationArn("arn:aws:sns:us-east-1:000000000000:app/GCM/domus")
                    .token("device-token-" + phone)).endpointArn()).isEqualTo(endpoint);
            sns.publish(request -> request.targetArn(endpoint).message("{\"default\":\"Water meter due\"}").messageStructure("json"));

            JsonNode sms = cloud.awaitOutbox(phone);
            assertThat(sms.path("channel").asText()).isEqualTo("sms");
            assertThat(sms.path("text").asText()).isEqualTo("Your code is 123456");
            JsonNode push = cloud.awaitOutbox(endpoint);
            assertThat(push.path("channel").asText()).isEqualTo("push");
            assertThat(push.path("details").path("deviceToken").asText()).isEqualTo("device-token-" + phone);

            // Deleted, the endpoint is gone as on SNS; deleting it again succeeds (DeleteEndpoint is idempotent).
            assertThat(sns.getEndpointAttributes(request -> request.endpointArn(endpoint)).attributes()).containsEntry("Token", "device-token-" + phone);
            sns.deleteEndpoint(request -> request.endpointArn(endpoint));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sns.getEndpointAttributes(request -> request.endpointArn(endpoint)))
                    .isInstanceOf(software.amazon.awssdk.services.sns.model.NotFoundException.class);
            sns.deleteEndpoint(request -> request.endpointArn(endpoint));
        }
    }

    private static Map<String, MessageAttributeValue> eventType(String type) {
        return Map.of("eventType", MessageAttributeValue.builder().dataType("String").stringValue(type).build());
    }

    /** Receives everything the queue holds now (SNS delivers synchronously into the queue), deleting it. */
    private static List<Message> drain(String queueName) {
        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
            List<Message> received = new java.util.ArrayList<>();
            List<Message> batch;
            do {
                batch = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
                received.addAll(batch);
                batch.forEach(message -> sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle())));
            } while (!batch.isEmpty());
            return received;
        }
    }
}
