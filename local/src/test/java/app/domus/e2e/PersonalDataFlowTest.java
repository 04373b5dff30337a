package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.freshInvitation;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GDPR through the local cloud: a new resident, who votes for unit 1B by the owner's delegation, exports their data
 * (the e-mailed link downloads a ZIP from S3 holding their data and no one else's; nobody else reads the export), then
 * deletes their account: they cannot sign in, their old token reads nothing of theirs, the vote's results and 1B's
 * account are what they were, and the address registers again.
 */
@ExtendWith(LocalCloudExtension.class)
class PersonalDataFlowTest {
    private static final String PASSWORD = "a long and private passphrase";
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Test
    void exportThenDeleteKeepsTheCommunitysRecords(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String email = "leaving.resident+" + UUID.randomUUID() + "@example.com";
        ApiResponse registered = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", freshInvitation(cloud))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String userId = registered.json().path("userId").asText();
        String token = registered.json().path("token").asText();

        // The owner of 1A and 1B lets the new resident vote for 1B; they vote.
        String delegationId = cloud.as("owner").post("/delegations", json(Map.of("delegateEmail", email, "rights", List.of("vote"),
                "unitId", ids.get("unit.1B"), "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())))
                .json().path("delegationId").asText();
        assertThat(cloud.withToken(token).post("/delegations/" + delegationId + "/accept", "").status()).isEqualTo(200);
        ApiResponse vote = cloud.as("manager").post("/votes", json(Map.of("buildingId", ids.get("buildingId"),
                "title", "Bike shed " + UUID.randomUUID(), "options", List.of(Map.of("label", "Yes"), Map.of("label", "No")),
                "settings", Map.of("weighting", "share", "quorum", "1/2", "allowBallotChanges", false, "secret", false),
                "endDate", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(vote.status()).as(vote.body()).isEqualTo(201);
        String voteId = vote.json().path("voteId").asText();
        String yes = vote.json().path("options").get(0).path("id").asText();
        ApiResponse ballot = cloud.withToken(token).post("/votes/" + voteId + "/ballots", json(Map.of("optionId", yes, "unitId", ids.get("unit.1B"))));
        assertThat(ballot.status()).as(ballot.body()).isEqualTo(201);
        JsonNode resultsBefore = cloud.as("manager").get("/votes/" + voteId + "/results").json();
        JsonNode accountBefore = cloud.as("manager").get("/units/" + ids.get("unit.1B") + "/account").json();

        // Export: 202, the job is the person's alone, the e-mailed link downloads the ZIP.
        ApiResponse requested = conforms("POST", "/me/export", cloud.withToken(token).header("idempotency-key", "export-" + userId).post("/me/export", ""));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String exportId = requested.json().path("exportId").asText();
        assertThat(cloud.as("owner").get("/me/exports/" + exportId).status()).isEqualTo(404);
        assertThat(cloud.withToken(token).header("idempotency-key", "export-" + userId).post("/me/export", "").json()
                .path("exportId").asText()).isEqualTo(exportId);
        JsonNode mail = cloud.awaitOutbox(email, m -> m.path("subject").asText().equals("Your Domus data export is ready"));
        Matcher link = LINK.matcher(mail.path("text").asText());
        assertThat(link.find()).as(mail.toString()).isTrue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.group())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        Map<String, String> files = unzip(download.body());
        assertThat(files.get("profile.json")).contains(email).doesNotContain("passwordHash");
        assertThat(files.get("memberships.json")).contains(ids.get("unit.3A"));
        assertThat(files.get("delegations-received.json")).contains(delegationId);
        assertThat(files.get("ballots.json")).contains(voteId, ids.get("unit.1B"));
        // Notifications are kept as sent: the delegation's invitation named the owner's address to the person, so that
        // file may; no other file holds anyone else's address.
        String everything = files.entrySet().stream().filter(f -> !f.getKey().equals("notifications.json"))
                .map(Map.Entry::getValue).reduce("", (a, b) -> a + "\n" + b);
        for (String other : List.of("owner", "manager", "owner2", "owner3", "tenant")) {
            assertThat(everything).as("the export names no one else's address").doesNotContain(cloud.cloud().demoData().account(other).orElseThrow().email());
        }
        JsonNode job = conforms("GET", "/me/exports/{exportId}", cloud.withToken(token).get("/me/exports/" + exportId)).json();
        assertThat(job.path("status").asText()).isEqualTo("ready");
        assertThat(job.path("files").path("ballots.json").asInt()).isEqualTo(1);
        cloud.awaitEvent("PersonalDataExported", e -> envelope(e).toString().contains(exportId));

        // Delete: the wrong password changes nothing; the right one deletes.
        assertThat(cloud.withToken(token).post("/me/deletion", json(Map.of("password", "not the password"))).status()).isEqualTo(401);
        ApiResponse deleted = conforms("POST", "/me/deletion", cloud.withToken(token).post("/me/deletion", json(Map.of("password", PASSWORD))));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("erased").path("memberships").asInt()).isEqualTo(1);
        cloud.awaitEvent("AccountDeleted", e -> envelope(e).toString().contains(userId));
        assertThat(cloud.withToken(token).post("/me/deletion", json(Map.of())).json().path("deletedAt").asText())
                .isEqualTo(deleted.json().path("deletedAt").asText());

        assertThat(cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD))).status()).isEqualTo(401);
        assertThat(cloud.anonymous().post("/auth/refresh", json(Map.of("refreshToken", registered.json().path("refreshToken").asText())))
                .status()).isIn(400, 401);
        assertThat(cloud.withToken(token).get("/auth/me").status()).isEqualTo(401);
        assertThat(cloud.withToken(token).get("/units/" + ids.get("unit.3A")).status()).isIn(403, 404);
        assertThat(cloud.withToken(token).get("/me/exports/" + exportId).status()).isEqualTo(404);

        // What the community keeps is what it was: the vote's ballots and results, 1B's account.
        JsonNode resultsAfter = cloud.as("manager").get("/votes/" + voteId + "/results").json();
        assertThat(resultsAfter.path("tallies")).isEqualTo(resultsBefore.path("tallies"));
        assertThat(resultsAfter.path("participation")).isEqualTo(resultsBefore.path("participation"));
        JsonNode accountAfter = cloud.as("manager").get("/units/" + ids.get("unit.1B") + "/account").json();
        assertThat(accountAfter.path("balance")).isEqualTo(accountBefore.path("balance"));
        assertThat(accountAfter.path("items")).isEqualTo(accountBefore.path("items"));

        // The organisation's audit log records the export and the deletion under the person's (now anonymous) id.
        String log = "/organisations/" + ids.get("organisationId") + "/audit-log?actor=" + userId;
        JsonNode audited = LocalCloudClient.awaitAnswer(() -> cloud.as("admin").get(log),
                p -> p.path("items").toString().contains("privacy.account_deleted"));
        assertThat(audited.path("items").findValuesAsText("action"))
                .contains("privacy.export_requested", "privacy.account_deleted");

        // The address is free again.
        ApiResponse again = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", freshInvitation(cloud))));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("userId").asText()).isNotEqualTo(userId);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
