package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.seed.DomusDemoSeeder;
import app.domus.local.testing.LocalCloudProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform keeps what was written through its API across a hard stop: the whole template in a child process,
 * an organisation and a building created over HTTP while SNS is down (so that their events wait in the outbox), the
 * process killed with SIGKILL right after the 201s, started again on the same data directory, everything read back
 * over HTTP with a fresh sign-in, and the events published from the outbox after the restart.
 */
class PlatformRestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void dataWrittenThroughTheApiSurvivesAHardStop() throws Exception {
        Path template = repositoryTemplate();
        Path data = work.resolve("data");
        LocalCloudProcess.Ports ports = LocalCloudProcess.Ports.free();
        String base;
        String organisationId;
        String buildingId;
        try (LocalCloudProcess first = LocalCloudProcess.start(template, data, ports, work.resolve("first.log"))) {
            base = ports.httpUrl();
            String admin = signIn(base, "admin@domus.local");
            call(base, "POST", "/_local/outages/sns", null, null, 200);
            organisationId = call(base, "POST", "/organisations", admin, Map.of("name", "Kept Estates"), 201)
                    .path("organisationId").asText();
            buildingId = call(base, "POST", "/organisations/" + organisationId + "/buildings", admin,
                    Map.of("name", "Kept House", "address", Map.of("street", "Quay 1", "city", "Basel", "postalCode", "4051",
                            "country", "CH")), 201).path("buildingId").asText();
            assertThat(publishedMentioning(base, "BuildingCreated", buildingId)).as("published while SNS is down").isZero();
            first.kill();
        }

        try (LocalCloudProcess second = LocalCloudProcess.start(template, data, ports, work.resolve("second.log"))) {
            String admin = signIn(base, "admin@domus.local");
            assertThat(call(base, "GET", "/organisations/" + organisationId, admin, null, 200).path("name").asText())
                    .isEqualTo("Kept Estates");
            JsonNode building = call(base, "GET", "/buildings/" + buildingId, admin, null, 200);
            assertThat(building.path("address").path("city").asText()).isEqualTo("Basel");
            awaitPublished(base, "OrganisationCreated", organisationId);
            awaitPublished(base, "BuildingCreated", buildingId);
            // About 3 s on an idle machine; the grace is for a loaded one (a CI run once needed more than 20 s).
            boolean stopped = second.stop(Duration.ofSeconds(40));
            assertThat(stopped).as("stopped within 40 s; its log ends:%n%s", tail(work.resolve("second.log"))).isTrue();
        }
    }

    private static String tail(Path log) throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int publishedMentioning(String base, String type, String id) throws Exception {
        int count = 0;
        for (JsonNode event : call(base, "GET", "/_local/events?type=" + type, null, null, 200)) {
            if (event.toString().contains(id)) count++;
        }
        return count;
    }

    private static void awaitPublished(String base, String type, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (publishedMentioning(base, type, id) == 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("No " + type + " event for " + id + " after the restart");
            Thread.sleep(100);
        }
    }

    private static String signIn(String base, String email) throws Exception {
        return call(base, "POST", "/auth/login", null, Map.of("email", email, "password", DomusDemoSeeder.PASSWORD), 200)
                .path("accessToken").asText();
    }

    private static JsonNode call(String base, String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) request.header("authorization", "Bearer " + token);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static Path repositoryTemplate() {
        Path path = Path.of("").toAbsolutePath();
        while (!Files.exists(path.resolve("template.yaml")) || !Files.exists(path.resolve("local"))) path = path.getParent();
        return path.resolve("template.yaml");
    }
}
