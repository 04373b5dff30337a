package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Flows 9 and 19 through the local cloud: a resident's reading with a photo of digits rendered here and read by the real
 * OCR engine; smart meters publishing over real MQTT (the broker admitting only registered devices, through the
 * template's IoT custom authorizer), their readings found through the API, an anomaly reaching the manager's inbox, and
 * a malformed message in the readings DLQ with its reason while the rest of its batch is stored.
 */
@ExtendWith(LocalCloudExtension.class)
class MeterFlowsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void flow19SmartMeterReadingsOverMqttAreStoredAndFoundThroughTheApi(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String device = ids.get("device.1A");
        String meter = ids.get("meter.1A.electricity");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        try (Device client = Device.connect(cloud, device, ids.get("device.1A.secret"))) {
            for (int i = 0; i < 3; i++) client.publish(reading(device, 100 + i * 0.5, base.plus(Duration.ofMinutes(15L * i))));
        }
        JsonNode readings = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/meters/" + meter + "/readings?from=" + base.minusSeconds(1)),
                page -> page.path("items").size() == 3);
        assertThat(readings.path("items")).extracting(r -> r.path("value").decimalValue().toPlainString()).containsExactly("101", "100.5", "100");
        assertThat(readings.path("items").get(0).path("source").asText()).isEqualTo("device");
        assertThat(readings.path("items").get(0).path("deviceId").asText()).isEqualTo(device);
        cloud.awaitEvent("MeterReadingReceived", e -> e.toString().contains(meter));
        // Someone outside the building does not see the meter at all.
        assertThat(cloud.as("owner2").get("/meters/" + meter + "/readings").status()).isIn(403, 404);
    }

    @Test
    void aGatewayThatCannotSpeakMqttSendsReadingsWithItsOwnCredentialIntoTheSameIngestion(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String buildingId = ids.get("buildingId");
        ApiResponse registered = cloud.as("manager").post("/buildings/" + buildingId + "/meter-gateways", "{}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String authorization = registered.json().path("authorization").asText();
        assertThat(cloud.as("owner").post("/buildings/" + buildingId + "/meter-gateways", "{}").status()).isEqualTo(403);

        String device = ids.get("device.1A");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(20));
        String body = "{\"readings\":[{\"deviceId\":\"" + device + "\",\"value\":42.25,\"timestamp\":\"" + at + "\"}]}";
        assertThat(cloud.anonymous().header("authorization", "Gateway gw-nobody:secret").post("/internal/meter-readings", body).status()).isEqualTo(401);
        assertThat(cloud.anonymous().post("/internal/meter-readings", body).status()).isEqualTo(401);
        // A user's token is not a gateway's credential.
        assertThat(cloud.as("manager").post("/internal/meter-readings", body).status()).isEqualTo(401);
        ApiResponse accepted = cloud.anonymous().header("authorization", authorization).post("/internal/meter-readings", body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("queued").asInt()).isEqualTo(1);

        String meter = ids.get("meter.1A.electricity");
        JsonNode readings = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/meters/" + meter + "/readings?from=" + at.minusSeconds(1) + "&to=" + at.plusSeconds(1)),
                page -> page.path("items").size() == 1);
        assertThat(readings.path("items").get(0).path("value").decimalValue()).isEqualByComparingTo("42.25");
    }

    @Test
    void theBrokerRefusesAnUnregisteredDeviceAndAWrongSecret(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        assertThatThrownBy(() -> Device.connect(cloud, "dev-not-registered", "whatever").close()).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> Device.connect(cloud, ids.get("device.1B"), ids.get("device.1A.secret")).close()).isInstanceOf(MqttException.class);
    }

    @Test
    void aMalformedMessageGoesToTheDlqWithItsReasonWhileTheRestIsStoredAndASpikeAlertsTheManager(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String device = ids.get("device.1B");
        String meter = ids.get("meter.1B.electricity");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(12));
        try (Device client = Device.connect(cloud, device, ids.get("device.1B.secret"))) {
            // Hourly readings that teach the meter its usual use (1 kWh an hour), and a garbage message among them. A
            // meter's readings come 15 minutes apart, never in two concurrent batches (whose writes of the meter's state
            // would race): each is published once the one before is stored.
            for (int i = 0; i < 6; i++) {
                client.publish(reading(device, 500 + i, base.plus(Duration.ofHours(i))));
                if (i == 2) client.publish("{this is not json".getBytes(StandardCharsets.UTF_8));
                int stored = i + 1;
                LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/meters/" + meter + "/readings?from=" + base.minusSeconds(1)), page -> page.path("items").size() == stored);
            }
            client.publish(reading(device, 900, base.plus(Duration.ofHours(6))));
        }
        JsonNode stored = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/meters/" + meter + "/readings?from=" + base.minusSeconds(1)),
                page -> page.path("items").size() == 7);
        assertThat(stored.path("items").get(0).path("status").asText()).isEqualTo("flagged");
        assertThat(stored.path("items").get(0).path("flags")).extracting(JsonNode::asText).containsExactly("spike");

        String buildingId = ids.get("buildingId");
        JsonNode anomalies = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/buildings/" + buildingId + "/meter-anomalies"),
                page -> page.path("items").size() > 0);
        assertThat(anomalies.path("items")).anySatisfy(a -> {
            assertThat(a.path("kind").asText()).isEqualTo("spike");
            assertThat(a.path("meterId").asText()).isEqualTo(meter);
        });
        JsonNode alert = cloud.awaitOutbox("manager@domus.local", m -> m.path("subject").asText().startsWith("Meter anomaly"));
        assertThat(alert.path("text").asText()).contains("spike");

        List<Message> dead = deadLetters(cloud);
        assertThat(dead).anySatisfy(m -> {
            assertThat(m.messageAttributes().get("reason").stringValue()).isEqualTo("the device sent something that is not a JSON object");
            assertThat(new String(Base64.getDecoder().decode(app.domus.shared.json.Json.tree(m.body()).path("payload").asText()),
                    StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        });
    }

    @Test
    void flow9AReadingWithAPhotoIsReadByTheOcrEngineAndComparedWithTheSubmittedValue(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String meter = ids.get("meter.1A.cold_water");
        String body = app.domus.shared.json.Json.write(Map.of("meterId", meter, "value", 4217.5,
                "photo", Base64.getEncoder().encodeToString(digits("4217.5"))));
        ApiResponse created = cloud.as("owner").header("idempotency-key", "reading-" + meter).post("/meter-readings", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("pending");
        String readingId = created.json().path("readingId").asText();

        JsonNode reading = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/meter-readings/" + readingId), r -> !r.path("status").asText().equals("pending"));
        String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("PhotosBucket"));
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            assertThat(s3.listObjectsV2(l -> l.bucket(bucket).prefix("meter-readings/" + meter + "/")).contents()).hasSize(1);
        }
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata")),
                "tesseract-ocr is not installed (scripts/install-ocr): the reading is " + reading.path("status").asText()
                        + ", and the OCR engine's read of the photo is not checked");
        assertThat(reading.path("status").asText()).isEqualTo("accepted");
        assertThat(reading.path("ocrValue").decimalValue()).isEqualByComparingTo("4217.5");
        assertThat(reading.path("ocrEngine").asText()).isEqualTo("tesseract");
        assertThat(reading.path("ocrConfidence").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void aPhotoSentToS3ThroughUploadsIsTakenByAReadingByItsId(LocalCloudClient cloud) throws Exception {
        String meter = cloud.cloud().demoData().ids().get("meter.1B.cold_water");
        byte[] photo = digits("815.25");
        ApiResponse upload = cloud.as("owner").post("/uploads", app.domus.shared.json.Json.write(Map.of("contentType", "image/png", "sizeBytes", photo.length)));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        JsonNode url = upload.json();
        var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.path("uploadUrl").asText())).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(photo));
        url.path("headers").fields().forEachRemaining(h -> { if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) put.header(h.getKey(), h.getValue().asText()); });
        var sent = java.net.http.HttpClient.newHttpClient().send(put.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        String body = app.domus.shared.json.Json.write(Map.of("meterId", meter, "value", 815.25, "photoUploadId", url.path("uploadId").asText()));
        ApiResponse created = cloud.as("owner").post("/meter-readings", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("pending");
        // The same upload a second time: used already.
        ApiResponse again = cloud.as("owner").post("/meter-readings", body.replace("815.25", "815.5"));
        assertThat(again.status()).isEqualTo(400);
        JsonNode reading = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/meter-readings/" + created.json().path("readingId").asText()),
                r -> !r.path("status").asText().equals("pending"));
        assertThat(reading.path("status").asText()).isIn("accepted", "ocr_unavailable");
    }

    private static byte[] reading(String device, double value, Instant at) {
        return ("{\"deviceId\":\"" + device + "\",\"value\":" + value + ",\"timestamp\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A photo of a register: the digits in black on white, large, as a phone held close would show them. */
    private static byte[] digits(String text) throws Exception {
        BufferedImage image = new BufferedImage(900, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 140));
        g.drawString(text, 60, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<Message> deadLetters(LocalCloudClient cloud) throws InterruptedException {
        String url = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("MeterReadingsDLQ"));
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) return messages;
                Thread.sleep(200);
            }
        }
        return List.of();
    }



    /** A smart meter on the broker: client id and user name its device id, password its secret. */
    private record Device(MqttClient client, String topic) implements AutoCloseable {
        static Device connect(LocalCloudClient cloud, String deviceId, String secret) throws MqttException {
            MqttClient client = new MqttClient(cloud.cloud().endpoints().mqttUrl(), deviceId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(deviceId);
            options.setPassword(secret.toCharArray());
            options.setCleanSession(true);
            options.setConnectionTimeout(10);
            // Paho retries a refused 3.1.1 connection as MQTT 3.1 otherwise, asking the authorizer twice.
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            client.connect(options);
            return new Device(client, "meters/" + deviceId + "/readings");
        }

        void publish(byte[] payload) throws MqttException {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            client.publish(topic, message);
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) client.disconnect();
            client.close();
        }
    }
}
