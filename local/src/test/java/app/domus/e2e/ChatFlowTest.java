package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.testing.ApiCaller;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The residents' assistant through the local cloud (flow 22): the building's manager uploads its house rules, the
 * tenant's question is answered from them with the document cited; a leaky faucet comes back as the fault form filled
 * in (plumbing, the tenant's unit), which the app then submits to POST /faults as any report; a document of another
 * organisation is never retrieved for the tenant, though its own admin finds it.
 */
@ExtendWith(LocalCloudExtension.class)
class ChatFlowTest {

    @Test
    void aQuestionIsAnsweredFromTheUploadedRulesAndAFaultIsPrefilledThenSubmitted(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "House rules " + run;
        ApiResponse uploaded = cloud.as("manager").post("/buildings/" + ids.get("buildingId") + "/knowledge", Json.write(Map.of(
                "title", title, "mediaType", "text/plain", "content", """
                        Quiet hours are from 22:00 to 07:00 every day.

                        The bicycle room is in the basement, next to the lift; its code is changed every month by the manager.

                        Barbecues are allowed on the rooftop terrace until 21:00, never on the balconies.
                        """)));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(cloud.as("tenant").post("/buildings/" + ids.get("buildingId") + "/knowledge",
                Json.write(Map.of("title", "Mine", "mediaType", "text/plain", "content", "tenants may not upload"))).status()).isEqualTo(403);

        ApiResponse answered = cloud.as("tenant").post("/chat", Json.write(Map.of("message", "Where is the bicycle room?")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode answer = answered.json();
        assertThat(answer.path("intent").asText()).isEqualTo("question");
        assertThat(answer.path("response").asText()).contains("in the basement").contains(title);
        assertThat(answer.path("sources").get(0).path("title").asText()).isEqualTo(title);
        assertThat(answer.path("sources").get(0).path("documentId").asText()).isEqualTo(uploaded.json().path("documentId").asText());
        String conversation = answer.path("conversationId").asText();
        JsonNode followUp = cloud.as("tenant").post("/chat", Json.write(Map.of("message", "and barbecues?", "conversationId", conversation))).json();
        assertThat(followUp.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(followUp.path("response").asText()).contains("rooftop terrace");

        JsonNode fault = cloud.as("tenant").post("/chat", Json.write(Map.of("message", "leaky faucet in the bathroom"))).json();
        assertThat(fault.path("intent").asText()).isEqualTo("report_fault");
        assertThat(fault.path("prefillData").path("category").asText()).isEqualTo("plumbing");
        assertThat(fault.path("prefillData").path("unitId").asText()).isEqualTo(ids.get("unit.3B"));
        JsonNode action = fault.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("submit_fault");
        // the app submits the form as it would any report
        ApiResponse submitted = cloud.as("tenant").send(action.path("method").asText(), action.path("path").asText(),
                Json.write(action.path("body")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode reported = cloud.as("tenant").get("/faults/" + submitted.json().path("faultId").asText()).json();
        assertThat(reported.path("category").asText()).isEqualTo("plumbing");
        assertThat(reported.path("unitId").asText()).isEqualTo(ids.get("unit.3B"));
    }

    @Test
    void anotherOrganisationsDocumentIsNeverRetrieved(LocalCloudClient cloud) {
        String secret = "ZEBRA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ApiCaller stranger = cloud.withClaims(Map.of("sub", "chat-stranger-" + secret, "email", "stranger@example.com", "email_verified", "true"));
        String org = stranger.post("/organisations", Json.write(Map.of("name", "Elsewhere Estates"))).json().path("organisationId").asText();
        ApiResponse building = stranger.post("/organisations/" + org + "/buildings", Json.write(Map.of("name", "Elsewhere House",
                "address", Map.of("street", "Quay 1", "city", "Basel", "postalCode", "4051", "country", "CH"))));
        assertThat(building.status()).as(building.body()).isEqualTo(201);
        String buildingId = building.json().path("buildingId").asText();
        ApiResponse uploaded = stranger.post("/buildings/" + buildingId + "/knowledge", Json.write(Map.of(
                "title", "Elsewhere pool", "mediaType", "text/plain", "content", "The swimming pool door code is " + secret + ".")));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        JsonNode tenant = cloud.as("tenant").post("/chat", Json.write(Map.of("message", "What is the swimming pool door code?"))).json();
        assertThat(tenant.toString()).doesNotContain(secret).doesNotContain("Elsewhere");
        JsonNode own = stranger.post("/chat", Json.write(Map.of("message", "What is the swimming pool door code?"))).json();
        assertThat(own.path("response").asText()).contains(secret);
        assertThat(own.path("sources").get(0).path("title").asText()).isEqualTo("Elsewhere pool");
    }
}
