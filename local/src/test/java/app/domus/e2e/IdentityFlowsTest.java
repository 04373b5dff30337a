package app.domus.e2e;

import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.mfa.Totp;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flows 1 (registration), 2 (sign-in with MFA) and 4 (token refresh) through the local cloud: HTTP in, the event
 * across the topic and queues, the notifier, and what ends up stored and in the outbox.
 */
@ExtendWith(LocalCloudExtension.class)
class IdentityFlowsTest {
    private static final String PASSWORD = "a long and private passphrase";

    @Test
    void registrationWithADemoInvitationCodeEndsWithAWelcomeEmail(LocalCloudClient cloud) throws Exception {
        String code = invitationCode(cloud, "tenant of unit 1A");
        String email = "new.tenant+" + UUID.randomUUID() + "@example.com";

        ApiResponse registered = conforms("POST", "/auth/register", cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", code))));
        assertThat(registered.status()).isEqualTo(201);
        String userId = registered.json().path("userId").asText();

        JsonNode event = envelope(cloud.awaitEvent("UserRegistered",
                e -> userId.equals(envelope(e).path("payload").path("userId").asText())));
        assertThat(event.path("payload").path("role").asText()).isEqualTo("tenant");
        assertThat(event.path("correlationId").asText()).isEqualTo(registered.header("x-correlation-id"));
        // Registration also sends the address-confirmation e-mail, in whatever order the two queues deliver them.
        JsonNode welcome = cloud.awaitOutbox(email, message -> message.path("subject").asText().equals("Welcome to Domus"));
        assertThat(welcome.path("text").asText()).contains("your Domus account for " + email + " is ready");

        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            var claim = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("EMAIL#" + email.toLowerCase()), "sk", AttributeValue.fromS("EMAIL"))));
            assertThat(claim.item().get("userId").s()).isEqualTo(userId);
        }

        ApiResponse me = conforms("GET", "/auth/me", cloud.withToken(registered.json().path("token").asText()).get("/auth/me"));
        assertThat(me.json().path("memberships").get(0).path("role").asText()).isEqualTo("tenant");
        assertThat(me.json().path("memberships").get(0).path("unitId").asText())
                .isEqualTo(cloud.cloud().demoData().ids().get("unit.1A"));

        ApiResponse again = conforms("POST", "/auth/register", cloud.anonymous().post("/auth/register",
                json(Map.of("email", "someone.else@example.com", "password", PASSWORD, "invitationCode", code))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("/invitation-used");
    }

    @Test
    void signInWithASecondFactorThenRefreshRotatesTheTokens(LocalCloudClient cloud) throws Exception {
        String email = "mfa.user+" + UUID.randomUUID() + "@example.com";
        String code = freshInvitation(cloud);
        String token = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", code))).json().path("token").asText();

        JsonNode setup = conforms("POST", "/auth/mfa/setup", cloud.withToken(token).post("/auth/mfa/setup", "")).json();
        assertThat(setup.path("otpauthUri").asText()).startsWith("otpauth://totp/");
        String secret = setup.path("secret").asText();
        ApiResponse enabled = conforms("POST", "/auth/mfa/enable", cloud.withToken(token).post("/auth/mfa/enable",
                json(Map.of("code", Totp.codeAt(secret, Instant.now().minusSeconds(30))))));
        assertThat(enabled.json().path("recoveryCodes").size()).isEqualTo(10);

        ApiResponse firstStep = conforms("POST", "/auth/login",
                cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD))));
        assertThat(firstStep.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(firstStep.json().has("accessToken")).isFalse();

        ApiResponse secondStep = conforms("POST", "/auth/mfa/verify", cloud.anonymous().post("/auth/mfa/verify",
                json(Map.of("mfaToken", firstStep.json().path("mfaToken").asText(), "code", Totp.codeAt(secret, Instant.now())))));
        assertThat(secondStep.status()).isEqualTo(200);
        String accessToken = secondStep.json().path("accessToken").asText();
        String refreshToken = secondStep.json().path("refreshToken").asText();
        assertThat(cloud.withToken(accessToken).get("/auth/me").status()).isEqualTo(200);

        ApiResponse refreshed = conforms("POST", "/auth/refresh",
                cloud.anonymous().post("/auth/refresh", json(Map.of("refreshToken", refreshToken))));
        assertThat(refreshed.status()).isEqualTo(200);
        String rotated = refreshed.json().path("refreshToken").asText();
        assertThat(rotated).isNotEqualTo(refreshToken);
        assertThat(cloud.withToken(refreshed.json().path("accessToken").asText()).get("/auth/me").status()).isEqualTo(200);

        ApiResponse replay = conforms("POST", "/auth/refresh",
                cloud.anonymous().post("/auth/refresh", json(Map.of("refreshToken", refreshToken))));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(cloud.anonymous().post("/auth/refresh", json(Map.of("refreshToken", rotated))).status())
                .as("a replayed token ends the whole family").isEqualTo(401);
    }

    @Test
    void badInputGetsAProblemAndStoresNothing(LocalCloudClient cloud) {
        ApiResponse malformed = conforms("POST", "/auth/register", cloud.anonymous().post("/auth/register", "{\"email\":"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("content-type")).startsWith("application/problem+json");
        ApiResponse hostile = conforms("POST", "/auth/register", cloud.anonymous().post("/auth/register",
                json(Map.of("email", "<script>@x.com", "password", PASSWORD, "invitationCode", "AAAA-BBBB-CCCC"))));
        assertThat(hostile.json().path("errors").toString()).contains("email");
    }

    static String invitationCode(LocalCloudClient cloud, String description) {
        return cloud.cloud().demoData().invitationCodes().entrySet().stream()
                .filter(e -> e.getValue().startsWith(description)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** A new tenant invitation for demo unit 3A, issued by the demo manager through the API. */
    static String freshInvitation(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        ApiResponse issued = conforms("POST", "/invitations", cloud.as("manager").post("/invitations",
                json(Map.of("organisationId", ids.get("organisationId"), "role", "tenant", "unitId", ids.get("unit.3A")))));
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().path("code").asText();
    }

    /** The domain event envelope a published SNS message carries. */
    static JsonNode envelope(JsonNode published) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(published.path("message").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
