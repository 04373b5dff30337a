package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.aws.AwsSdkSettings;
import app.domus.local.json.Json;
import app.domus.local.partners.calendar.GoogleCalendarDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * GDPR erasure in the other contexts (docs/privacy.md, "Left to the other contexts"), through the local cloud: a portal
 * user with a phone registered for push, a connected Google calendar and an inquiry deletes their account; then, on
 * {@code AccountDeleted}, their SNS endpoint is gone, Google's double saw their grant revoked, and the inquiry the
 * realtor reads has lost its text. (The audit chain's entry is shown by {@link PersonalDataFlowTest}: a portal user
 * belongs to no organisation.)
 */
@ExtendWith(LocalCloudExtension.class)
class AccountErasureFlowTest {
    private static final String PASSWORD = "a long and private passphrase";
    private static final Pattern LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final String PUSH_APPLICATION = "arn:aws:sns:eu-central-1:000000000000:app/GCM/domus-local";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void afterTheDeletionTheEndpointIsGoneTheGrantRevokedAndTheInquiryTextErased(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "erased-" + run + "@example.test";
        String token = verifiedPortalUser(cloud, email);

        // A phone for push: SNS answers the same endpoint for the same device token, so the test learns its ARN.
        String deviceToken = "fcm-token:erasure-" + run;
        ApiResponse device = cloud.withToken(token).post("/me/devices", json(Map.of("platform", "FCM", "token", deviceToken)));
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        try (SnsClient sns = sns(cloud)) {
            String endpoint = sns.createPlatformEndpoint(b -> b.platformApplicationArn(PUSH_APPLICATION).token(deviceToken)).endpointArn();
            assertThat(sns.getEndpointAttributes(b -> b.endpointArn(endpoint)).attributes()).containsEntry("Token", deviceToken);

            // A Google calendar, connected by consent at Google's double.
            String account = "erased-" + run + "@gmail.test";
            ApiResponse connect = cloud.withToken(token).post("/calendar/connect", json(Map.of("provider", "google")));
            assertThat(connect.status()).as(connect.body()).isEqualTo(200);
            HttpResponse<String> consent = HTTP.send(HttpRequest.newBuilder(URI.create(connect.json().path("authorizationUrl").asText()
                    + "&login_hint=" + URLEncoder.encode(account, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
            URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
            ApiResponse connected = cloud.anonymous().get(back.getRawPath() + "?" + back.getRawQuery());
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);

            // An inquiry about a realtor's published listing.
            cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes"))); // 201, or 409 when founded already
            ApiResponse listing = cloud.as("technician").post("/listings", json(Map.of(
                    "property", Map.of("type", "house", "rooms", 4, "address", Map.of("city", "Erasby " + run, "latitude", 50.1, "longitude", 8.6)),
                    "pricing", Map.of("offer", "sale", "amountMinor", 310_000_00, "currency", "EUR"))));
            assertThat(listing.status()).as(listing.body()).isEqualTo(201);
            String listingId = listing.json().path("listingId").asText();
            assertThat(cloud.as("technician").post("/listings/" + listingId + "/publish", "").status()).isEqualTo(200);
            String question = "Can I see it on Saturday? Call me on +49 170 " + run;
            ApiResponse inquiry = cloud.withToken(token).post("/inquiries", json(Map.of("listingId", listingId, "message", question,
                    "preferredViewingTimes", List.of("2026-12-12T10:00:00+01:00"))));
            assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(201);
            String inquiryId = inquiry.json().path("inquiryId").asText();

            // The deletion: the device and the connection are left to their contexts, and the receipt says so.
            ApiResponse deleted = conforms("POST", "/me/deletion", cloud.withToken(token).post("/me/deletion", json(Map.of("password", PASSWORD))));
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.json().path("erasing").path("push devices").asInt()).isEqualTo(1);
            assertThat(deleted.json().path("erasing").path("calendar connections").asInt()).isEqualTo(1);

            await("the SNS endpoint is deleted", () -> {
                try {
                    sns.getEndpointAttributes(b -> b.endpointArn(endpoint));
                    return false;
                } catch (NotFoundException gone) {
                    return true;
                }
            });
            await("Google saw the grant revoked", () -> revokedAccounts(cloud).contains(account));
            JsonNode erased = LocalCloudClient.awaitAnswer(() -> cloud.as("technician").get("/inquiries/" + inquiryId),
                    i -> i.path("message").asText().isEmpty());
            assertThat(erased.toString()).doesNotContain(run);
            assertThat(erased.path("preferredViewingTimes")).isEmpty();
            assertThat(erased.path("listingId").asText()).isEqualTo(listingId);
            JsonNode listed = cloud.as("technician").get("/inquiries?listingId=" + listingId).json();
            assertThat(listed.toString()).as("the listing's entry, which the realtor's lists read").doesNotContain(run);

            // Deleting again (the old token still passes) finds nothing more for them to hand over.
            cloud.awaitQueueDrained("ErasePushDevicesQueue");
            cloud.awaitQueueDrained("EraseCalendarConnectionsQueue");
            ApiResponse again = cloud.withToken(token).post("/me/deletion", json(Map.of()));
            assertThat(again.json().path("erasing").size()).as(again.body()).isZero();
        }
    }

    private static String verifiedPortalUser(LocalCloudClient cloud, String email) throws Exception {
        ApiResponse signedUp = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", PASSWORD, "name", "Erin Erased")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);
        Matcher link = LINK.matcher(cloud.awaitOutbox(email, m -> LINK.matcher(m.toString()).find()).toString());
        assertThat(link.find()).isTrue();
        assertThat(cloud.anonymous().post("/auth/verify-email", json(Map.of("token", link.group(1)))).status()).isEqualTo(200);
        ApiResponse login = cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    private static SnsClient sns(LocalCloudClient cloud) {
        return SnsClient.builder().endpointOverride(URI.create(cloud.cloud().endpoints().awsUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsSdkSettings.ACCESS_KEY_ID,
                        AwsSdkSettings.SECRET_ACCESS_KEY))).build();
    }

    private static List<String> revokedAccounts(LocalCloudClient cloud) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(
                    cloud.cloud().partnerDoubles().get(GoogleCalendarDouble.NAME) + "/_double/revocations")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> accounts = new java.util.ArrayList<>();
            Json.read(answer.body()).path("accounts").forEach(a -> accounts.add(a.asText()));
            return accounts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
