package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 17, "faults injected, nothing lost": the local cloud's fault switch makes DynamoDB, SNS, S3, SQS, SES and Secrets
 * Manager, SSM and KMS fail on the wire as AWS does (each checked alone in {@code AwsApiFaultsTest}), and the platform answers with problems a client can retry, dead-letters what its consumers cannot finish,
 * and ends, once the faults clear and the dead letters are redriven, in the state a fault-free run reaches.
 */
@ExtendWith(LocalCloudExtension.class)
class FaultInjectionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LocalCloudClient cloud;

    @AfterEach
    void clearFaults() {
        if (cloud != null) cloud.clearFaults();
    }

    @Test
    void aThrottledTableIsA503WithRetryAfterOnReadsAndWritesAndNothingIsWrittenWhileLatencyOnlySlowsTheAnswer(LocalCloudClient cloud) {
        this.cloud = cloud;
        var ids = cloud.cloud().demoData().ids();
        String title = "Throttled report " + UUID.randomUUID().toString().substring(0, 8);
        String report = json(Map.of("title", title, "description", "The hall light flickers", "category", "electrical",
                "buildingId", ids.get("buildingId")));
        String list = "/faults?buildingId=" + ids.get("buildingId") + "&limit=100";

        try (var throttled = cloud.injectFaults("dynamodb", "throttling", 1.0)) {
            for (ApiResponse response : List.of(cloud.as("manager").get(list), cloud.as("owner").post("/faults", report))) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.header("retry-after")).isEqualTo("1");
                assertThat(response.header("content-type")).startsWith("application/problem+json");
                assertThat(response.json().path("type").asText()).endsWith("/unavailable");
                assertThat(response.body()).doesNotContain("Exception", "ProvisionedThroughput", "arn:aws", "dynamodb");
            }
            assertThat(cloud.injectedFaults("dynamodb", "TransactWriteItems") + cloud.injectedFaults("dynamodb", "Query")
                    + cloud.injectedFaults("dynamodb", "GetItem")).as("the SDK retried against the throttled table").isGreaterThanOrEqualTo(2);
        }
        assertThat(titles(cloud, list)).as("the throttled report was not written").doesNotContain(title);

        try (var slow = cloud.injectFaults("dynamodb", "latency", 1.0, 150)) {
            ApiResponse reported = cloud.as("owner").post("/faults", report);
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            ApiResponse listed = cloud.as("manager").get(list);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(cloud.injectedFaults("dynamodb", "TransactWriteItems")).isPositive();
        }
        assertThat(titles(cloud, list)).containsOnlyOnce(title);
    }

    @Test
    void aConsumerThatCannotWriteRetriesThenDeadLettersAndARedriveAfterTheFaultClearsStoresTheReading(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        var ids = cloud.cloud().demoData().ids();
        String gateway = gateway(cloud);
        String meter = ids.get("meter.1A.electricity");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(40)).plusSeconds(new java.util.Random().nextInt(3600));
        try (QueueTimeout ignored = QueueTimeout.shorten(cloud, "MeterReadingsQueue")) {
            try (var storm = cloud.injectFaults("dynamodb", "server-error", 1.0, 0, "TransactWriteItems", "PutItem", "UpdateItem", "BatchWriteItem")) {
                ApiResponse accepted = cloud.anonymous().header("authorization", gateway).post("/internal/meter-readings",
                        readings(ids.get("device.1A"), at, List.of(7.5)));
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                awaitDeadLetter(cloud, "MeterReadingsDLQ", at.toString());
                assertThat(cloud.injectedFaults("dynamodb", "TransactWriteItems") + cloud.injectedFaults("dynamodb", "PutItem")
                        + cloud.injectedFaults("dynamodb", "UpdateItem") + cloud.injectedFaults("dynamodb", "BatchWriteItem"))
                        .as("each delivery met the failing table").isGreaterThanOrEqualTo(5);
                // Checked while the table still fails: with a one-second visibility timeout a copy still being worked on
                // when the fault clears may store the reading on its own (the redrive below then finds it stored once).
                assertThat(readingsAt(cloud, meter, at)).as("nothing stored while the table failed").isEmpty();
            }

            ApiResponse redriven = cloud.anonymous().post("/_local/queues/MeterReadingsDLQ/redrive", null);
            assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
            assertThat(redriven.json().path("redriven").asInt()).isPositive();
            JsonNode stored = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get(readingsPath(meter, at, at)),
                    page -> page.path("items").size() == 1);
            assertThat(stored.path("items").get(0).path("value").decimalValue()).isEqualByComparingTo("7.5");
        }
    }

    @Test
    void aThrottledQueueIsA503TheGatewaySendsAgainAndTheReadingIsStoredOnceWhileLatencyOnlySlowsTheAnswer(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        var ids = cloud.cloud().demoData().ids();
        String gateway = gateway(cloud);
        String meter = ids.get("meter.1A.electricity");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(45)).plusSeconds(new java.util.Random().nextInt(3600));
        String batch = readings(ids.get("device.1A"), at, List.of(3.25));
        try (var throttled = cloud.injectFaults("sqs", "throttling", 1.0, 0, "SendMessageBatch", "SendMessage")) {
            ApiResponse refused = cloud.anonymous().header("authorization", gateway).post("/internal/meter-readings", batch);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("retry-after")).isEqualTo("1");
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("Exception", "RequestThrottled", "arn:aws");
            assertThat(cloud.injectedFaults("sqs", "SendMessageBatch")).as("the SDK retried against the throttled queue").isGreaterThanOrEqualTo(2);
        }
        try (var slow = cloud.injectFaults("sqs", "latency", 1.0, 100, "SendMessageBatch")) {
            ApiResponse accepted = cloud.anonymous().header("authorization", gateway).post("/internal/meter-readings", batch);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(cloud.injectedFaults("sqs", "SendMessageBatch")).isPositive();
        }
        JsonNode stored = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get(readingsPath(meter, at, at)),
                page -> page.path("items").size() >= 1);
        assertThat(stored.path("items")).as("the refused send queued nothing; the one sent again is stored once").hasSize(1);
        assertThat(stored.path("items").get(0).path("value").decimalValue()).isEqualByComparingTo("3.25");
    }

    @Test
    void anExportThatCannotBeStoredInS3RetriesThenDeadLettersAndARedriveAfterTheFaultClearsCompletesIt(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        String exportPath;
        try (QueueTimeout ignored = QueueTimeout.shorten(cloud, "BuildPersonalDataExportQueue")) {
            try (var storm = cloud.injectFaults("s3", "server-error", 1.0, 0, "PutObject")) {
                ApiResponse requested = cloud.as("manager").header("idempotency-key", "export-" + UUID.randomUUID()).post("/me/export", "");
                assertThat(requested.status()).as(requested.body()).isEqualTo(202);
                String exportId = requested.json().path("exportId").asText();
                exportPath = "/me/exports/" + exportId;
                awaitMessage(cloud, "BuildPersonalDataExportDLQ", exportId);
                assertThat(cloud.injectedFaults("s3", "PutObject")).as("each delivery met the failing bucket, and the SDK retried it")
                        .isGreaterThanOrEqualTo(5);
                ApiResponse pending = cloud.as("manager").get(exportPath);
                assertThat(pending.status()).as(pending.body()).isEqualTo(200);
                assertThat(pending.json().path("status").asText()).as("no ZIP while the bucket failed").isNotEqualTo("ready");
            }
            ApiResponse redriven = cloud.anonymous().post("/_local/queues/BuildPersonalDataExportDLQ/redrive", null);
            assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
            assertThat(redriven.json().path("redriven").asInt()).isPositive();
            JsonNode ready = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get(exportPath),
                    job -> job.path("status").asText().equals("ready"));
            assertThat(ready.path("files").size()).isPositive();
        }
    }

    @Test
    void aNoticeThatSesRefusesIsRetriedThenDeadLetteredAndARedriveAfterTheFaultClearsSendsTheEmailOnce(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        var demo = cloud.cloud().demoData();
        String managerEmail = demo.account("manager").orElseThrow().email();
        String title = "Unsent notice " + UUID.randomUUID().toString().substring(0, 8);
        try (QueueTimeout ignored = QueueTimeout.shorten(cloud, "NotificationQueue")) {
            // Notices still in flight from an earlier test would fail under this fault too, and keep the queue from draining.
            cloud.awaitQueueDrained("NotificationQueue");
            // A 500 rather than SES's 429: the SDK backs off 100 ms instead of a second before each retry, which keeps five
            // deliveries' worth of retries short; AwsApiFaultsTest checks the 429 TooManyRequestsException against the SDK.
            try (var failing = cloud.injectFaults("ses", "server-error", 1.0, 0, "SendEmail")) {
                ApiResponse reported = cloud.as("owner").post("/faults", json(Map.of("title", title, "description", "The entrance door sticks",
                        "category", "other", "buildingId", demo.ids().get("buildingId"))));
                assertThat(reported.status()).as(reported.body()).isEqualTo(201);
                // The managers' notice: "fault-reported-<faultId>-<manager>", a NotificationRequest the notifier could not e-mail.
                awaitMessage(cloud, "NotificationDLQ", "fault-reported-" + reported.json().path("faultId").asText());
                assertThat(cloud.injectedFaults("ses", "SendEmail")).as("each of the five deliveries met the failing SES, retried by the SDK")
                        .isGreaterThanOrEqualTo(5);
                assertThat(messagesContaining(cloud, managerEmail, title)).as("no e-mail while SES refused them").isZero();
            }
            ApiResponse redriven = cloud.anonymous().post("/_local/queues/NotificationDLQ/redrive", null);
            assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
            assertThat(redriven.json().path("redriven").asInt()).isPositive();
            cloud.awaitOutbox(managerEmail, message -> message.toString().contains(title));
            cloud.awaitQueueDrained("NotificationQueue");
            assertThat(messagesContaining(cloud, managerEmail, title)).as("sent once, after the redrive").isEqualTo(1);
        }
    }

    @Test
    void aChannelWhoseCredentialsSecretsManagerRefusesIsA503StoresNothingAndConnectsOnceTheFaultClears(LocalCloudClient cloud) {
        this.cloud = cloud;
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Throttled channel " + run;
        String connect = json(Map.of("type", "channel-manager", "name", name, "propertyId", "prop-faults-" + run,
                "apiKey", app.domus.local.partners.channels.ChannelsDouble.API_KEY));
        String key = "channel-faults-" + run;
        try (var throttled = cloud.injectFaults("secretsmanager", "throttling", 1.0, 0, "CreateSecret")) {
            ApiResponse refused = cloud.as("manager").header("idempotency-key", key).post("/units/" + unit + "/channels", connect);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("retry-after")).isEqualTo("1");
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).endsWith("/unavailable");
            assertThat(refused.body()).doesNotContain("Exception", "secretsmanager", "arn:aws", app.domus.local.partners.channels.ChannelsDouble.API_KEY);
            assertThat(cloud.injectedFaults("secretsmanager", "CreateSecret")).as("the SDK retried the throttled secret").isGreaterThanOrEqualTo(2);
            assertThat(channelNames(cloud, unit)).as("no channel without its credentials").doesNotContain(name);
        }
        ApiResponse connected = cloud.as("manager").header("idempotency-key", key).post("/units/" + unit + "/channels", connect);
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(channelNames(cloud, unit)).containsOnlyOnce(name);
    }

    @Test
    void aSignInWhoseSigningKeysSsmThrottlesIsA503LeavesNoSessionAndGoesThroughOnceTheFaultClears(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        String email = "ssm-faults-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "a long fault-injection password";
        verifiedAccount(cloud, email, password);
        String signIn = json(Map.of("email", email, "password", password));
        // A warm sandbox keeps the signing keys for five minutes; a new one reads them from SSM on its first sign-in.
        cloud.cloud().functions().get("LoginFunction").recycle();
        try (var throttled = cloud.injectFaults("ssm", "throttling", 1.0, 0, "GetParameter")) {
            ApiResponse refused = cloud.anonymous().post("/auth/login", signIn);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("retry-after")).isEqualTo("1");
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).endsWith("/unavailable");
            assertThat(refused.body()).doesNotContain("Exception", "ssm", "arn:aws", "signing", "token");
            assertThat(cloud.injectedFaults("ssm", "GetParameter")).as("the SDK retried the throttled parameter").isGreaterThanOrEqualTo(2);
        }
        ApiResponse signedIn = cloud.anonymous().post("/auth/login", signIn);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        ApiResponse sessions = cloud.withToken(signedIn.json().path("accessToken").asText()).get("/auth/sessions");
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        assertThat(sessions.json().path("items")).as("the refused sign-in left no session behind").hasSize(1);
    }

    @Test
    void aCalendarWhoseTokensKmsCannotEncryptIsA503StoresNoConnectionAndConnectsOnANewConsentOnceTheFaultClears(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "kms-faults-" + run + "@example.com";
        String userId = verifiedAccount(cloud, email, "a long fault-injection password");
        var person = cloud.withClaims(Map.of("sub", userId, "email", email, "email_verified", true));
        String googleAccount = "kms-" + run + "@gmail.test";
        URI callback = consent(cloud, person, googleAccount);
        try (var unavailable = cloud.injectFaults("kms", "unavailable", 1.0, 0, "Encrypt")) {
            ApiResponse refused = cloud.anonymous().get(callback.getRawPath() + "?" + callback.getRawQuery());
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("retry-after")).isEqualTo("1");
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("Exception", "kms", "arn:aws", "access_token", "refresh");
            assertThat(cloud.injectedFaults("kms", "Encrypt")).as("the SDK retried the unavailable key").isGreaterThanOrEqualTo(2);
            assertThat(connections(cloud, userId)).as("no connection without its tokens encrypted").isEmpty();
        }
        // The consent's state and the provider's code are single-use: the same callback cannot be replayed, a new consent connects.
        ApiResponse replayed = cloud.anonymous().get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(400);
        assertThat(connections(cloud, userId)).isEmpty();
        URI again = consent(cloud, person, googleAccount);
        ApiResponse connected = cloud.anonymous().get(again.getRawPath() + "?" + again.getRawQuery());
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().path("connected").asBoolean()).isTrue();
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> stored = connections(cloud, userId);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("tokens").s()).as("the tokens are stored encrypted, as base64").doesNotContain("{", "\"").isNotBlank();
    }

    /** Starts a Google consent as {@code person} and lets the Google double answer it: the callback's address. */
    private static URI consent(LocalCloudClient cloud, app.domus.local.testing.ApiCaller person, String googleAccount) throws Exception {
        ApiResponse connect = person.post("/calendar/connect", json(Map.of("provider", "google")));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        HttpResponse<String> consent = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                        URI.create(connect.json().path("authorizationUrl").asText() + "&login_hint=" + URLEncoder.encode(googleAccount, StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/calendar/callback");
        return back;
    }

    /** The person's calendar connections as stored (their index entries). */
    private static List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> connections(LocalCloudClient cloud, String userId) {
        try (var dynamo = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            return dynamo.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :user")
                    .expressionAttributeValues(Map.of(":user", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CALENDAR_USER#" + userId))))
                    .items();
        }
    }

    private static final java.util.regex.Pattern VERIFY_LINK = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

    /** Signs a person up on the portal and verifies the address from the e-mail's link; their user id. */
    private static String verifiedAccount(LocalCloudClient cloud, String email, String password) throws InterruptedException {
        ApiResponse signedUp = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", password, "name", "Fay Faults")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);
        var link = VERIFY_LINK.matcher(cloud.awaitOutbox(email, m -> VERIFY_LINK.matcher(m.toString()).find()).toString());
        assertThat(link.find()).isTrue();
        ApiResponse verified = cloud.anonymous().post("/auth/verify-email", json(Map.of("token", link.group(1))));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json().path("userId").asText();
    }

    @Test
    void aScriptRunUnderPartialFaultsEndsInTheStateOfTheSameScriptRunWithoutFaults(LocalCloudClient cloud) throws Exception {
        this.cloud = cloud;
        var ids = cloud.cloud().demoData().ids();
        String gateway = gateway(cloud);
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(60));

        Outcome calm = script(cloud, gateway, base, false);
        Outcome stormy;
        long[] dynamoFaults = {0};
        long[] snsFaults = {0};
        // The storm also fails some notices (a throttled attempt can overrun its call deadline): with NotificationQueue's timeout
        // shortened too, they come back within seconds, and the block leaves that queue drained for the tests after it.
        try (QueueTimeout ignored = QueueTimeout.shorten(cloud, "MeterReadingsQueue");
             QueueTimeout notices = QueueTimeout.shorten(cloud, "NotificationQueue")) {
            cloud.injectFaults("dynamodb", "throttling", 0.3);
            cloud.injectFaults("sns", "server-error", 0.5);
            stormy = script(cloud, gateway, base.plus(Duration.ofDays(7)), true);
            awaitDeliveries(cloud, stormy.voteId());
            cloud.console("faults/dynamodb").path("injected").forEach(count -> dynamoFaults[0] += count.asLong());
            cloud.console("faults/sns").path("injected").forEach(count -> snsFaults[0] += count.asLong());
            cloud.clearFaults();
            cloud.anonymous().post("/_local/queues/MeterReadingsDLQ/redrive", null);
            stormy = stormy.settled(cloud);
            cloud.awaitQueueDrained("NotificationQueue");
        }
        calm = calm.settled(cloud);

        assertThat(stormy.results()).isEqualTo(calm.results());
        assertThat(stormy.readings()).isEqualTo(calm.readings());
        assertThat(stormy.ballotEvents()).as("each BallotCast event reached the topic").isEqualTo(calm.ballotEvents()).isEqualTo(5);
        assertThat(stormy.ledger()).as("one charge and one credit, as without faults").isEqualTo(calm.ledger()).hasSize(2);
        assertThat(stormy.reservation()).as("the booking, as without faults").isEqualTo(calm.reservation());
        // No number was burnt by the retries: the stormy run's invoice and credit note are the next after the calm run's.
        List<String> calmNumbers = documentNumbers(cloud, calm.ledgerReferences());
        List<String> stormyNumbers = documentNumbers(cloud, stormy.ledgerReferences());
        assertThat(calmNumbers).hasSize(2).allMatch(number -> DOCUMENT_NUMBER.matcher(number).matches());
        assertThat(stormyNumbers).hasSize(2);
        for (int i = 0; i < 2; i++) assertThat(sequenceOf(stormyNumbers.get(i))).as(stormyNumbers.get(i)).isEqualTo(sequenceOf(calmNumbers.get(i)) + 1);
        assertThat(calm.reservation()).containsEntry("status", "\"confirmed\"").containsEntry("nights", "3");
        long publishFaults = 0;
        for (JsonNode count : cloud.console("faults/sns").path("injected")) publishFaults += count.asLong();
        // Cleared faults keep no counts: the figures are read before clearing, in the storm block above.
        System.out.printf("[fault-script] client retries under the storm: %d; dynamodb faults injected: %d; sns faults injected: %d%n",
                stormy.retried(), dynamoFaults[0], snsFaults[0]);
        assertThat(dynamoFaults[0]).as("the storm hit the table").isPositive();
        assertThat(snsFaults[0]).as("the storm hit the relay's publishes").isPositive();
        assertThat(publishFaults).isZero();
        assertThat(ids).isNotEmpty();
    }

    @Test
    void theControlApiRefusesBadRulesAndDeleteClearsEverything(LocalCloudClient cloud) {
        this.cloud = cloud;
        assertProblem(cloud.anonymous().put("/_local/faults/kinesis", json(Map.of("kind", "throttling", "rate", 0.5))), 400, "kinesis");
        assertProblem(cloud.anonymous().put("/_local/faults/dynamodb", json(Map.of("kind", "meteor", "rate", 0.5))), 400, "kind");
        assertProblem(cloud.anonymous().put("/_local/faults/dynamodb", json(Map.of("kind", "throttling", "rate", 1.5))), 400, "rate");
        assertProblem(cloud.anonymous().put("/_local/faults/dynamodb", json(Map.of("kind", "throttling", "rate", -1))), 400, "rate");
        assertProblem(cloud.anonymous().put("/_local/faults/sns", json(Map.of("kind", "conditional-check-failed"))), 400, "kind");
        assertProblem(cloud.anonymous().put("/_local/faults/dynamodb", "[1, 2]"), 400, "JSON object");
        assertProblem(cloud.anonymous().get("/_local/faults/kinesis"), 404, "kinesis");
        assertProblem(cloud.anonymous().put("/_local/faults/ses", json(Map.of("kind", "unavailable"))), 400, "kind");
        assertProblem(cloud.anonymous().put("/_local/faults/secretsmanager", json(Map.of("kind", "transaction-conflict"))), 400, "kind");
        assertThat(cloud.console("faults").path("dynamodb").path("rule").isNull()).as("refused rules set nothing").isTrue();

        cloud.injectFaults("dynamodb", "transaction-conflict", 0.5);
        cloud.injectFaults("sns", "throttling", 0.25, 10, "Publish");
        JsonNode set = cloud.console("faults");
        assertThat(set.path("dynamodb").path("rule").path("operations")).extracting(JsonNode::asText).containsExactly("TransactWriteItems");
        assertThat(set.path("sns").path("rule").path("rate").asDouble()).isEqualTo(0.25);
        assertThat(set.path("stripe").path("kinds")).extracting(JsonNode::asText).as("the partner doubles are on the switch").contains("unavailable");
        for (String service : List.of("ses", "ssm", "kms", "secretsmanager")) {
            assertThat(set.path(service).path("kinds")).extracting(JsonNode::asText).as(service).contains("throttling", "server-error", "latency");
        }
        assertThat(set.path("kms").path("kinds")).extracting(JsonNode::asText).as("KMS's KeyUnavailableException").contains("unavailable");

        ApiResponse cleared = cloud.anonymous().delete("/_local/faults");
        assertThat(cleared.status()).isEqualTo(200);
        cleared.json().forEach(service -> assertThat(service.path("rule").isNull()).isTrue());
    }

    // ---- the script of test 3: five ballots on a vote, and six meter readings through a gateway ----

    /** The state a script leaves: the vote's results and the meter's readings, normalised (no ids, times as offsets). */
    private record Outcome(String voteId, String meter, Instant base, Map<String, Object> results, List<String> readings,
                           long ballotEvents, int retried, Set<String> ledgerReferences, List<String> ledger,
                           String reservationId, Map<String, String> reservation) {
        Outcome settled(LocalCloudClient cloud) throws InterruptedException {
            List<String> stored = awaitReadings(cloud, meter, base, READINGS.size());
            JsonNode results = cloud.as("manager").get("/votes/" + voteId + "/results").json();
            return new Outcome(voteId, meter, base, normalised(results), stored, awaitBallotEvents(cloud, voteId, 5), retried,
                    ledgerReferences, ledgerOf(cloud, ledgerReferences), reservationId, reservationOf(cloud, reservationId));
        }
    }

    /** The unit's ledger entries for these invoices and credit notes, oldest first, without ids, numbers or times. */
    private static List<String> ledgerOf(LocalCloudClient cloud, Set<String> references) {
        JsonNode account = cloud.as("manager").get("/units/" + cloud.cloud().demoData().ids().get(LEDGER_UNIT) + "/account?limit=100").json();
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : account.path("items")) {
            if (!references.contains(entry.path("referenceId").asText())) continue;
            // The documents' numbers differ between the runs (the later run's are the next ones); the rest must not.
            entries.addFirst(entry.path("kind").asText() + " " + entry.path("amount").asLong() + " " + entry.path("referenceType").asText()
                    + " " + DOCUMENT_NUMBER.matcher(entry.path("description").asText()).replaceAll("<number>"));
        }
        return entries;
    }

    /** The booking as stored, without its ids, its dates (each run books its own) or its times: its nights instead. */
    private static Map<String, String> reservationOf(LocalCloudClient cloud, String reservationId) {
        JsonNode stay = cloud.as("manager").get("/reservations/" + reservationId).json();
        Map<String, String> normalised = new TreeMap<>();
        for (String field : List.of("channel", "status", "guestName", "guests", "overlapsWith")) normalised.put(field, stay.path(field).toString());
        normalised.put("nights", Long.toString(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(stay.path("checkIn").asText()),
                java.time.LocalDate.parse(stay.path("checkOut").asText()))));
        return normalised;
    }

    private static final java.util.regex.Pattern DOCUMENT_NUMBER = java.util.regex.Pattern.compile("(INV|CN)-\\d{4}-\\d{6}");

    /** The unit's ledger entries' document numbers for these references, invoice's first: {@code INV-2026-000002}. */
    private static List<String> documentNumbers(LocalCloudClient cloud, Set<String> references) {
        JsonNode account = cloud.as("manager").get("/units/" + cloud.cloud().demoData().ids().get(LEDGER_UNIT) + "/account?limit=100").json();
        List<String> numbers = new ArrayList<>();
        for (JsonNode entry : account.path("items")) {
            if (references.contains(entry.path("referenceId").asText())) numbers.addFirst(entry.path("documentNumber").asText());
        }
        return numbers;
    }

    /** The sequence number of {@code INV-2026-000002}: 2. */
    private static int sequenceOf(String documentNumber) {
        return Integer.parseInt(documentNumber.substring(documentNumber.lastIndexOf('-') + 1));
    }

    /** The unit whose ledger and bookings the script adds to (owner2's, which no other test's figures are read from). */
    private static final String LEDGER_UNIT = "unit.2A";

    /** The meter's register after each quarter hour, from the script's starting value. */
    private static final List<Double> READINGS = List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.25);

    private static Outcome script(LocalCloudClient cloud, String gateway, Instant base, boolean stormy) {
        var ids = cloud.cloud().demoData().ids();
        int[] retried = {0};
        ApiResponse created = retrying(cloud.as("manager"), "/votes", json(Map.of(
                "buildingId", ids.get("buildingId"), "title", "Fault script " + (stormy ? "stormy " : "calm ") + UUID.randomUUID().toString().substring(0, 6),
                "options", List.of(Map.of("label", "Yes"), Map.of("label", "No")),
                "settings", Map.of("weighting", "unit", "quorum", "1/2", "allowBallotChanges", false, "secret", false),
                "endDate", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())), retried);
        String voteId = created.json().path("voteId").asText();
        String yes = created.json().path("options").get(0).path("id").asText();
        String no = created.json().path("options").get(1).path("id").asText();
        String[][] ballots = {{"owner", "unit.1A", yes}, {"owner", "unit.1B", no}, {"owner2", "unit.2A", yes}, {"owner2", "unit.2B", no}, {"owner3", "unit.3B", yes}};
        for (String[] ballot : ballots) {
            retrying(cloud.as(ballot[0]), "/votes/" + voteId + "/ballots", json(Map.of("optionId", ballot[2], "unitId", ids.get(ballot[1]))), retried);
        }
        String meter = ids.get("meter.1B.electricity");
        for (int i = 0; i < READINGS.size(); i++) {
            retrying(cloud.anonymous().header("authorization", gateway), "/internal/meter-readings",
                    readings(ids.get("device.1B"), base.plus(Duration.ofMinutes(15L * i)), List.of((stormy ? 200 : 100) + READINGS.get(i))), retried);
        }
        // The ledger: an invoice of 2A and its credit note, a charge and a credit whatever the retries.
        var manager = cloud.as("manager");
        String unit = ids.get(LEDGER_UNIT);
        ApiResponse invoice = retrying(manager, "/invoices", json(Map.of("unitId", unit,
                "dueDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60).toString(),
                "items", List.of(Map.of("description", "Fault script cleaning", "quantity", 2, "unitPrice", 1250, "vatRate", 20)))), retried);
        String invoiceId = invoice.json().path("invoiceId").asText();
        ApiResponse credit = retrying(manager, "/invoices/" + invoiceId + "/credit-note", json(Map.of("reason", "Fault script refund")), retried);
        // A direct booking of 2A, on days of its own (far ahead, where no other stay is).
        java.time.LocalDate checkIn = java.time.LocalDate.of(2050, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 20_000));
        ApiResponse booked = retrying(manager, "/units/" + unit + "/reservations", json(Map.of("checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(3).toString(), "guestName", "Sam Script", "guests", 2)), retried);
        return new Outcome(voteId, meter, base, null, null, 0, retried[0],
                Set.of(invoiceId, credit.json().path("creditNoteId").asText()), null, booked.json().path("reservationId").asText(), null);
    }

    /**
     * A client that retries what the platform asks it to retry ({@code 503} and {@code 429}, and {@code 409
     * idempotency-key-in-use}) with the same {@code Idempotency-Key}, waiting the {@code Retry-After} it is given. A
     * {@code 409 conflict} after an attempt whose outcome it never learnt (a 503) means that attempt was carried out.
     */
    private static ApiResponse retrying(app.domus.local.testing.ApiCaller caller, String path, String body, int[] retried) {
        String key = UUID.randomUUID().toString();
        boolean uncertain = false;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (true) {
            ApiResponse response = caller.header("Idempotency-Key", key).post(path, body);
            String type = response.status() >= 400 ? response.json().path("type").asText() : "";
            boolean retry = response.status() == 503 || response.status() == 429
                    || response.status() == 409 && type.endsWith("/idempotency-key-in-use");
            if (response.status() == 409 && type.endsWith("/conflict") && uncertain) return response;
            if (!retry || Instant.now().isAfter(deadline)) {
                assertThat(response.status()).as("%s %s", path, response.body()).isBetween(200, 299);
                return response;
            }
            uncertain |= response.status() == 503;
            retried[0]++;
            sleep(Math.max(1, Long.parseLong(response.header("retry-after") == null ? "1" : response.header("retry-after"))) * 1000);
        }
    }

    private static Map<String, Object> normalised(JsonNode results) {
        ObjectNode copy = results.deepCopy();
        copy.remove("voteId");
        copy.path("tallies").forEach(tally -> ((ObjectNode) tally).remove("optionId"));
        Map<String, Object> normalised = new TreeMap<>();
        copy.fields().forEachRemaining(field -> normalised.put(field.getKey(), field.getValue().toString()));
        return normalised;
    }

    private static List<String> awaitReadings(LocalCloudClient cloud, String meter, Instant base, int count) throws InterruptedException {
        Instant to = base.plus(Duration.ofMinutes(15L * count));
        JsonNode page = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get(readingsPath(meter, base, to)),
                answer -> answer.path("items").size() >= count);
        List<String> readings = new ArrayList<>();
        java.math.BigDecimal first = null;
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        items.sort(java.util.Comparator.comparing(item -> item.path("readAt").asText()));
        for (JsonNode item : items) {
            if (first == null) first = item.path("value").decimalValue();
            readings.add(Duration.between(base, Instant.parse(item.path("readAt").asText())).toMinutes()
                    + "min=+" + item.path("value").decimalValue().subtract(first).stripTrailingZeros().toPlainString());
        }
        readings.sort(null);
        return readings;
    }

    /** While the storm lasts: until the relay got the vote's five BallotCast events through to the topic, retrying past SNS's faults. */
    private static void awaitDeliveries(LocalCloudClient cloud, String voteId) throws InterruptedException {
        awaitBallotEvents(cloud, voteId, 5);
    }

    private static long awaitBallotEvents(LocalCloudClient cloud, String voteId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        Set<String> ids = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            ids.clear();
            cloud.console("events?type=BallotCast").forEach(e -> {
                JsonNode envelope = envelope(e);
                if (envelope.path("payload").path("voteId").asText().equals(voteId)) ids.add(envelope.path("id").asText());
            });
            if (ids.size() >= count) break;
            Thread.sleep(200);
        }
        return ids.size();
    }

    // ---- helpers ----

    private static String gateway(LocalCloudClient cloud) {
        ApiResponse registered = cloud.as("manager").post("/buildings/" + cloud.cloud().demoData().ids().get("buildingId") + "/meter-gateways", "{}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("authorization").asText();
    }

    private static String readings(String device, Instant at, List<Double> values) {
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) readings.add(Map.of("deviceId", device, "value", values.get(i), "timestamp", at.plusSeconds(i).toString()));
        return json(Map.of("readings", readings));
    }

    private static String readingsPath(String meter, Instant from, Instant to) {
        return "/meters/" + meter + "/readings?from=" + from.minusSeconds(1) + "&to=" + to.plusSeconds(1);
    }

    private static List<JsonNode> readingsAt(LocalCloudClient cloud, String meter, Instant at) {
        List<JsonNode> found = new ArrayList<>();
        cloud.as("owner").get(readingsPath(meter, at, at)).json().path("items").forEach(found::add);
        return found;
    }

    private static JsonNode awaitDeadLetter(LocalCloudClient cloud, String queue, String containing) throws InterruptedException {
        // A gateway's reading travels as the device's payload, base64 in the queue message.
        return awaitMessage(cloud, queue, containing, body -> new String(java.util.Base64.getDecoder().decode(
                app.domus.shared.json.Json.tree(body).path("payload").asText()), java.nio.charset.StandardCharsets.UTF_8).contains(containing));
    }

    private static JsonNode awaitMessage(LocalCloudClient cloud, String deadLetterQueue, String containing) throws InterruptedException {
        return awaitMessage(cloud, deadLetterQueue, containing, body -> body.contains(containing));
    }

    private static JsonNode awaitMessage(LocalCloudClient cloud, String deadLetterQueue, String containing,
                                         java.util.function.Predicate<String> matches) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : cloud.queue(deadLetterQueue).path("deadLetterMessages")) {
                if (matches.test(message.path("body").asText())) return message;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No message with " + containing + " reached " + deadLetterQueue + ": " + cloud.queue(deadLetterQueue));
    }

    private static List<String> channelNames(LocalCloudClient cloud, String unit) {
        ApiResponse listed = cloud.as("manager").get("/units/" + unit + "/channels");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        listed.json().path("items").forEach(channel -> names.add(channel.path("name").asText()));
        return names;
    }

    private static long messagesContaining(LocalCloudClient cloud, String recipient, String text) {
        return cloud.outbox(recipient).stream().filter(message -> message.toString().contains(text)).count();
    }

    private static List<String> titles(LocalCloudClient cloud, String list) {
        List<String> titles = new ArrayList<>();
        cloud.as("manager").get(list).json().path("items").forEach(fault -> titles.add(fault.path("title").asText()));
        return titles;
    }

    private static void assertProblem(ApiResponse response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The queue's visibility timeout cut to one second while open, so that a message its consumer fails comes back
     * at once and reaches the DLQ after maxReceiveCount receives in seconds, not in 5 × 180 s; restored when closed.
     */
    private record QueueTimeout(SqsClient sqs, String url, String before) implements AutoCloseable {
        static QueueTimeout shorten(LocalCloudClient cloud, String queue) {
            String url = cloud.cloud().deployment().names().queueUrl(cloud.cloud().deployment().template().resource(queue));
            SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
            String before = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
            return new QueueTimeout(sqs, url, before);
        }

        @Override
        public void close() {
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, before)));
            sqs.close();
        }
    }
}
