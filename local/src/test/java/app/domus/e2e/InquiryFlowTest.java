package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 18: a portal user asks about a published listing; the realtor is e-mailed the question (through InquirySent and
 * the notifier), answers, and the inquirer is e-mailed the answer (InquiryResponded). The listing's agency sees the view
 * and the inquiry counted; the sixth inquiry within the hour is refused 429. The inquirer is the demo portal user (verified;
 * an unverified one is refused, see {@link PortalSignUpFlowTest}).
 */
@ExtendWith(LocalCloudExtension.class)
class InquiryFlowTest {

    @Test
    void anInquiryAndItsAnswerAreEmailedBothWaysAndTheSixthInquiryOfTheHourIsRefused(LocalCloudClient cloud) throws Exception {
        String city = "Ulmenhain " + UUID.randomUUID().toString().substring(0, 8);
        String realtorEmail = cloud.cloud().demoData().account("technician").orElseThrow().email();
        // The inquirer is the demo portal user, who signed up on the portal and verified the address (inquiries need that).
        String inquirerEmail = cloud.cloud().demoData().account("portal").orElseThrow().email();
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes"))); // 201, or 409 when another test founded it
        ApiResponse created = cloud.as("technician").post("/listings", json(Map.of(
                "property", Map.of("type", "house", "rooms", 5, "address", Map.of("city", city, "latitude", 50.1, "longitude", 8.6)),
                "pricing", Map.of("offer", "sale", "amountMinor", 390_000_00, "currency", "EUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().path("listingId").asText();
        assertThat(cloud.as("technician").post("/listings/" + listingId + "/publish", "").status()).isEqualTo(200);
        assertThat(conforms("GET", "/listings/{listingId}", cloud.as("portal").get("/listings/" + listingId)).status()).isEqualTo(200);

        String question = "Is the garden south-facing? " + UUID.randomUUID();
        ApiResponse sent = conforms("POST", "/inquiries", cloud.as("portal").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/inquiries", json(Map.of("listingId", listingId, "message", question,
                        "preferredViewingTimes", List.of("2026-12-05T17:00:00+01:00")))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String inquiryId = sent.json().path("inquiryId").asText();
        assertThat(sent.json().path("status").asText()).isEqualTo("sent");
        cloud.awaitEvent("InquirySent", e -> envelope(e).toString().contains(inquiryId));
        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, realtorEmail, question)).as("the realtor is e-mailed the question").isTrue();

        String answer = "Yes, and it has an apple tree. " + UUID.randomUUID();
        assertThat(conforms("POST", "/inquiries/{inquiryId}/responses", cloud.as("portal")
                .post("/inquiries/" + inquiryId + "/responses", json(Map.of("message", "answering myself")))).status())
                .as("the inquirer does not answer").isEqualTo(403);
        ApiResponse answered = conforms("POST", "/inquiries/{inquiryId}/responses", cloud.as("technician")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/inquiries/" + inquiryId + "/responses", json(Map.of("message", answer))));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        cloud.awaitEvent("InquiryResponded", e -> envelope(e).toString().contains(inquiryId));
        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, inquirerEmail, answer)).as("the inquirer is e-mailed the answer").isTrue();

        ApiResponse read = conforms("GET", "/inquiries/{inquiryId}", cloud.as("portal").get("/inquiries/" + inquiryId));
        assertThat(read.json().path("status").asText()).isEqualTo("responded");
        assertThat(read.json().path("responses").get(0).path("message").asText()).isEqualTo(answer);
        assertThat(cloud.as("tenant").get("/inquiries/" + inquiryId).status()).as("someone else").isEqualTo(404);

        ApiResponse own = conforms("GET", "/listings/{listingId}", cloud.as("technician").get("/listings/" + listingId));
        assertThat(own.json().path("analytics").path("views").asLong()).isEqualTo(1);
        assertThat(own.json().path("analytics").path("inquiries").asLong()).isEqualTo(1);

        for (int i = 2; i <= 5; i++) {
            ApiResponse more = cloud.as("portal").post("/inquiries", json(Map.of("listingId", listingId, "message", "Question " + i)));
            assertThat(more.status()).as(more.body()).isEqualTo(201);
        }
        ApiResponse sixth = conforms("POST", "/inquiries", cloud.as("portal").post("/inquiries", json(Map.of("listingId", listingId, "message", "Question 6"))));
        assertThat(sixth.status()).as(sixth.body()).isEqualTo(429);
        assertThat(sixth.header("content-type")).contains("application/problem+json");
        assertThat(sixth.header("retry-after")).isNotNull();
    }
}
