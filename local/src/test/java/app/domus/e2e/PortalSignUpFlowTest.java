package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stranger signs up on the listing portal over HTTP, gets the verification link by e-mail (the local outbox), cannot
 * inquire until verified, sees no organisation's data, verifies once (the link does not work twice), signs in again and
 * inquires; the inquiry is in their list and the realtor's. Resends beyond the limit are 429; signing up again with the
 * same address answers the same and e-mails its owner instead.
 */
@ExtendWith(LocalCloudExtension.class)
class PortalSignUpFlowTest {
    private static final Pattern LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "a long portal password 2026";

    @Test
    void signUpVerifyOnceThenInquireAndBothSidesListTheInquiry(LocalCloudClient cloud) throws Exception {
        String email = "paula-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ApiResponse signedUp = conforms("POST", "/portal/signup", cloud.anonymous().post("/portal/signup",
                json(Map.of("email", email, "password", PASSWORD, "name", "Paula Portal"))));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);

        JsonNode mail = cloud.awaitOutbox(email, m -> LINK.matcher(m.toString()).find());
        assertThat(mail.path("subject").asText()).contains("Confirm your e-mail");
        String token = token(mail);

        String unverified = login(cloud, email);
        var asUnverified = cloud.withToken(unverified);
        JsonNode me = conforms("GET", "/auth/me", asUnverified.get("/auth/me")).json();
        assertThat(me.path("emailVerified").asBoolean(true)).isFalse();
        assertThat(me.path("accountType").asText()).isEqualTo("portal");
        assertThat(me.path("memberships")).isEmpty();
        var ids = cloud.cloud().demoData().ids();
        assertThat(asUnverified.get("/buildings/" + ids.get("buildingId")).status()).as("no organisation's building").isIn(403, 404);
        assertThat(asUnverified.get("/organisations/" + ids.get("organisationId")).status()).as("nor the organisation").isIn(403, 404);

        String listingId = publishedListing(cloud);
        String question = "Is there a cellar? " + UUID.randomUUID();
        ApiResponse refused = conforms("POST", "/inquiries", asUnverified.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/inquiries", json(Map.of("listingId", listingId, "message", question))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.header("content-type")).contains("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("https://problems.domus.app/email-not-verified");

        for (int i = 0; i < 3; i++) {
            ApiResponse resent = conforms("POST", "/auth/verify-email/resend", cloud.withToken(unverified).post("/auth/verify-email/resend", ""));
            assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        }
        ApiResponse tooMany = conforms("POST", "/auth/verify-email/resend", cloud.withToken(unverified).post("/auth/verify-email/resend", ""));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("retry-after")).isNotNull();

        ApiResponse verified = conforms("POST", "/auth/verify-email", cloud.anonymous().post("/auth/verify-email", json(Map.of("token", token))));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("emailVerified").asBoolean()).isTrue();
        ApiResponse again = conforms("POST", "/auth/verify-email", cloud.anonymous().post("/auth/verify-email", json(Map.of("token", token))));
        assertThat(again.status()).as("a link works once").isEqualTo(401);

        var asVerified = cloud.withToken(login(cloud, email));
        ApiResponse sent = conforms("POST", "/inquiries", asVerified.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/inquiries", json(Map.of("listingId", listingId, "message", question))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String inquiryId = sent.json().path("inquiryId").asText();

        JsonNode mine = conforms("GET", "/inquiries", cloud.withToken(login(cloud, email)).get("/inquiries")).json();
        assertThat(mine.path("items").get(0).path("inquiryId").asText()).isEqualTo(inquiryId);
        assertThat(mine.path("items").get(0).path("status").asText()).isEqualTo("sent");
        JsonNode realtors = conforms("GET", "/inquiries", cloud.as("technician").get("/inquiries?listingId=" + listingId)).json();
        assertThat(realtors.path("items").toString()).contains(inquiryId).contains(question);
        JsonNode agency = conforms("GET", "/inquiries", cloud.as("technician").get("/inquiries")).json();
        assertThat(agency.path("items").get(0).path("inquiryId").asText()).as("newest first").isEqualTo(inquiryId);
        assertThat(cloud.as("tenant").get("/inquiries?listingId=" + listingId).status()).as("no realtor of the agency").isEqualTo(404);

        ApiResponse repeated = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", "another password 2026", "name", "X")));
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.body()).as("the same answer for a known address").isEqualTo(signedUp.body());
        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, email, "already has an account")).isTrue();
    }

    private static String token(JsonNode mail) {
        Matcher m = LINK.matcher(mail.toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String login(LocalCloudClient cloud, String email) {
        ApiResponse login = cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    private static String publishedListing(LocalCloudClient cloud) {
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes"))); // 201, or 409 when another test founded it
        ApiResponse created = cloud.as("technician").post("/listings", json(Map.of(
                "property", Map.of("type", "apartment", "rooms", 2, "address", Map.of("city", "Portalstadt " + UUID.randomUUID().toString()
                        .substring(0, 8), "latitude", 48.1, "longitude", 11.5)),
                "pricing", Map.of("offer", "rent", "amountMinor", 1_250_00, "currency", "EUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().path("listingId").asText();
        assertThat(cloud.as("technician").post("/listings/" + listingId + "/publish", "").status()).isEqualTo(200);
        return listingId;
    }
}
