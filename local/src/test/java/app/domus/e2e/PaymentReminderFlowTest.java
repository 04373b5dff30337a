package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flow 11 through the local cloud: the demo manager invoices unit 1A over HTTP, due today; the daily reminder job fired
 * twice as if it were the morning after sends the owner one reminder (one log item, one {@code PaymentOverdue}, one
 * e-mail), and fired a week later the second.
 */
@ExtendWith(LocalCloudExtension.class)
class PaymentReminderFlowTest {
    private static final String JOB = "SendPaymentRemindersFunction";
    private static final String OWNER = "owner@domus.local";

    @Test
    void flow11TheReminderJobRunTwiceSendsOneReminderAndAWeekLaterTheNext(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        LocalDate due = LocalDate.now(ZoneOffset.UTC);
        String body = "{\"unitId\":\"" + unit + "\",\"dueDate\":\"" + due + "\",\"items\":["
                + "{\"description\":\"Monthly advance\",\"quantity\":1,\"unitPrice\":18000,\"vatRate\":20}]}";
        String key = "reminders-" + Instant.now().toEpochMilli();
        ApiResponse created = cloud.as("manager").header("idempotency-key", key).post("/invoices", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String invoiceId = created.json().path("invoiceId").asText();
        String number = created.json().path("number").asText();

        Instant morningAfter = due.plusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC);
        cloud.fireSchedule(JOB, morningAfter);
        cloud.fireSchedule(JOB, morningAfter); // the same day again: a second run, a retry

        // The job ran synchronously: what it wrote is in the table already.
        assertThat(storedReminders(cloud, invoiceId)).containsExactly("REMINDER#001");
        cloud.awaitEvent("PaymentOverdue", e -> invoiceId.equals(envelope(e).path("payload").path("invoiceId").asText()));
        JsonNode first = cloud.awaitOutbox(OWNER, reminderOf(number));
        assertThat(first.path("subject").asText()).isEqualTo("Reminder 1: invoice " + number + " is overdue");
        assertThat(first.path("text").asText()).contains("unit 1A", "216.00 EUR", "due on " + due, "1 day overdue");
        drained(cloud);
        assertThat(reminderEmails(cloud, number)).hasSize(1);
        assertThat(overdueEvents(cloud, invoiceId)).extracting(e -> e.path("reminderNumber").asInt()).containsExactly(1);

        cloud.fireSchedule(JOB, due.plusDays(8).atTime(7, 0).toInstant(ZoneOffset.UTC));
        assertThat(storedReminders(cloud, invoiceId)).containsExactly("REMINDER#001", "REMINDER#002");
        JsonNode second = cloud.awaitOutbox(OWNER, m -> reminderOf(number).test(m) && m.path("subject").asText().startsWith("Reminder 2:"));
        assertThat(second.path("text").asText()).contains("8 days overdue");
        drained(cloud);
        assertThat(reminderEmails(cloud, number)).hasSize(2);
        assertThat(overdueEvents(cloud, invoiceId)).extracting(e -> e.path("reminderNumber").asInt()).containsExactlyInAnyOrder(1, 2);

        // Cancelled, it is owed no longer: the same job later reminds no more (and leaves nothing open for other tests).
        ApiResponse credited = cloud.as("manager").header("idempotency-key", key + "-cn").post("/invoices/" + invoiceId + "/credit-note",
                "{\"reason\":\"Reminder test\"}");
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        cloud.fireSchedule(JOB, due.plusDays(15).atTime(7, 0).toInstant(ZoneOffset.UTC));
        assertThat(storedReminders(cloud, invoiceId)).hasSize(2);
    }

    private static Predicate<JsonNode> reminderOf(String number) {
        return m -> m.path("channel").asText().equals("email") && m.path("subject").asText().endsWith("invoice " + number + " is overdue");
    }

    private static List<JsonNode> reminderEmails(LocalCloudClient cloud, String number) {
        return cloud.outbox(OWNER).stream().filter(reminderOf(number)).toList();
    }

    private static List<JsonNode> overdueEvents(LocalCloudClient cloud, String invoiceId) {
        List<JsonNode> payloads = new java.util.ArrayList<>();
        cloud.console("events?type=PaymentOverdue").forEach(e -> {
            JsonNode payload = envelope(e).path("payload");
            if (invoiceId.equals(payload.path("invoiceId").asText())) payloads.add(payload);
        });
        return payloads;
    }

    /** Every notice of the events published so far has gone through the consumer and the notifier. */
    private static void drained(LocalCloudClient cloud) throws InterruptedException {
        cloud.awaitQueueDrained("PaymentOverdueNoticesQueue");
        cloud.awaitQueueDrained("NotificationQueue");
    }

    /** The sort keys of the invoice's reminder log items, in order. */
    private static List<String> storedReminders(LocalCloudClient cloud, String invoiceId) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            return dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :reminder)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INVOICE#" + invoiceId), ":reminder", AttributeValue.fromS("REMINDER#"))))
                    .items().stream().map(item -> item.get("sk").s()).toList();
        }
    }
}
