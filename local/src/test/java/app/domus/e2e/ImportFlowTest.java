package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.partners.crm.CrmDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 21 through the local cloud and its CRM double (a RESO Web API with 240 properties, 30 of them broken): an agency's
 * admin sets up an import (the double's OAuth client credentials, kept in Secrets Manager) and runs it; five pages later
 * 210 listings are drafts of the agency with their photos' thumbnails, and each broken property is reported with its
 * reason. A second run changes nothing: no listing event, every good property counted unchanged. Wrong callers get
 * 403/404, bad input a 400 problem.
 */
@ExtendWith(LocalCloudExtension.class)
class ImportFlowTest {
    private static final Duration RUN_WAIT = Duration.ofMinutes(4);

    @Test
    void anAdminImportsAFewHundredPropertiesWithBadRowsReportedAndASecondRunChangesNothing(LocalCloudClient cloud) throws Exception {
        String crm = cloud.cloud().partnerDoubles().get(CrmDouble.NAME);
        // An admin of an agency of its own: the demo accounts' agencies belong to the other listing tests.
        ApiResponse agency = admin(cloud).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/agencies", json(Map.of("name", "Import Homes")));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);

        Map<String, Object> setup = Map.of("crmType", "reso", "endpoint", crm + "/odata",
                "credentials", Map.of("clientId", CrmDouble.CLIENT_ID, "clientSecret", CrmDouble.CLIENT_SECRET, "tokenUrl", crm + "/oauth2/token"),
                "fieldMapping", Map.of("fields", Map.of("currency", "=EUR")));
        ApiResponse portalUser = conforms("POST", "/imports", cloud.as("tenant").post("/imports", json(setup)));
        assertThat(portalUser.status()).as("a portal user of no agency").isEqualTo(403);
        ApiResponse bad = conforms("POST", "/imports", admin(cloud).post("/imports", json(Map.of("crmType", "csv", "endpoint", "ftp://x"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("content-type")).startsWith("application/problem+json");
        Map<String, Object> wrongSecret = new HashMap<>(setup);
        wrongSecret.put("credentials", Map.of("clientId", CrmDouble.CLIENT_ID, "clientSecret", "guessed", "tokenUrl", crm + "/oauth2/token"));
        ApiResponse refused = conforms("POST", "/imports", admin(cloud).post("/imports", json(wrongSecret)));
        assertThat(refused.status()).as("the connection is tested before anything is kept: " + refused.body()).isEqualTo(422);

        ApiResponse created = conforms("POST", "/imports", admin(cloud).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/imports", json(setup)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).as("the credentials never come back").doesNotContain(CrmDouble.CLIENT_SECRET);
        String importId = created.json().path("importId").asText();
        String agencyId = created.json().path("agencyId").asText();

        assertThat(conforms("POST", "/imports/{importId}/run", cloud.as("technician").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/imports/" + importId + "/run", "")).status()).as("another agency's admin").isEqualTo(404);

        Instant started = Instant.now();
        JsonNode first = runToTheEnd(cloud, importId);
        Duration firstRun = Duration.between(started, Instant.now());

        assertThat(first.path("status").asText()).isEqualTo("completed");
        assertThat(counts(first)).isEqualTo(List.of(210, 0, 0, 30));
        assertThat(first.path("pagesDone").asInt()).isEqualTo(5);
        Map<String, String> errors = StreamSupport.stream(first.path("errors").spliterator(), false)
                .collect(Collectors.toMap(e -> e.path("crmId").asText(), e -> e.path("errors").toString()));
        assertThat(errors).hasSize(30);
        assertThat(errors.get("DOM-0008")).contains("pricing.amountMinor is required (from ListPrice)");
        assertThat(errors.get("DOM-0012")).contains("latitude must be between -90 and 90 (from Latitude)");
        assertThat(errors.get("DOM-0014")).contains("/media/DOM-0014/404.jpg").contains("HTTP 404");
        assertThat(errors.get("DOM-0018")).contains("'Castle' (PropertySubType)");

        List<JsonNode> createdEvents = listingEvents(cloud, "ListingCreated", agencyId);
        assertThat(createdEvents).hasSize(210);
        String listingId = createdEvents.getFirst().path("payload").path("listingId").asText();
        JsonNode listing = LocalCloudClient.awaitAnswer(() -> admin(cloud).get("/listings/" + listingId),
                l -> l.path("photos").size() > 0 && l.path("photos").get(0).path("status").asText().equals("ready"));
        assertThat(listing.path("status").asText()).as("imported as drafts").isEqualTo("draft");
        assertThat(listing.path("photos").get(0).path("thumbnails")).hasSize(2);
        assertThat(cloud.as("tenant").get("/listings/" + listingId).status()).as("a draft is the agency's own").isEqualTo(404);
        assertThat(conforms("GET", "/imports/{importId}/runs/{importRunId}", cloud.as("technician")
                .get("/imports/" + importId + "/runs/" + first.path("importRunId").asText())).status()).isEqualTo(404);

        int updatedBefore = listingEvents(cloud, "ListingUpdated", agencyId).size();
        JsonNode second = runToTheEnd(cloud, importId);

        assertThat(counts(second)).as("created, updated, unchanged, failed").isEqualTo(List.of(0, 0, 210, 30));
        assertThat(listingEvents(cloud, "ListingCreated", agencyId)).hasSize(210);
        assertThat(listingEvents(cloud, "ListingUpdated", agencyId)).hasSize(updatedBefore);
        JsonNode completed = envelope(cloud.awaitEvent("ImportCompleted", e -> envelope(e).path("payload").path("runId").asText()
                .equals(second.path("importRunId").asText())));
        assertThat(completed.path("payload").path("counts").path("unchanged").asInt()).isEqualTo(210);
        System.out.printf("[figure] CRM import of %d properties through the local cloud: first run %d ms, re-run %d ms%n",
                CrmDouble.PROPERTIES, firstRun.toMillis(), Duration.between(started.plus(firstRun), Instant.now()).toMillis());
    }

    private static final Map<String, Object> ADMIN = Map.of("sub", "crm-admin-" + UUID.randomUUID(), "email", "crm.admin@example.com");

    private static app.domus.local.testing.ApiCaller admin(LocalCloudClient cloud) {
        return cloud.withClaims(ADMIN);
    }

    /** Starts a run (202, running) and reads it until it has finished. */
    private static JsonNode runToTheEnd(LocalCloudClient cloud, String importId) throws InterruptedException {
        ApiResponse accepted = conforms("POST", "/imports/{importId}/run", admin(cloud).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/imports/" + importId + "/run", ""));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("running");
        String path = "/imports/" + importId + "/runs/" + accepted.json().path("importRunId").asText();
        Instant deadline = Instant.now().plus(RUN_WAIT);
        while (Instant.now().isBefore(deadline)) {
            ApiResponse run = conforms("GET", "/imports/{importId}/runs/{importRunId}", admin(cloud).get(path));
            assertThat(run.status()).isEqualTo(200);
            if (!run.json().path("status").asText().equals("running")) return run.json();
            Thread.sleep(500);
        }
        throw new AssertionError("The import run did not finish: " + admin(cloud).get(path).body());
    }

    private static List<Integer> counts(JsonNode run) {
        JsonNode c = run.path("counts");
        return List.of(c.path("created").asInt(), c.path("updated").asInt(), c.path("unchanged").asInt(), c.path("failed").asInt());
    }

    private static List<JsonNode> listingEvents(LocalCloudClient cloud, String type, String agencyId) {
        Set<String> seen = new java.util.HashSet<>();
        return StreamSupport.stream(cloud.console("events?type=" + type).spliterator(), false).map(IdentityFlowsTest::envelope)
                .filter(e -> agencyId.equals(e.path("organisationId").asText())).filter(e -> seen.add(e.path("id").asText())).toList();
    }
}
