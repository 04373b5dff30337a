package app.domus.e2e;

import static app.domus.e2e.DelegationFlowTest.awaitMessageContaining;
import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Flows 6 and 7: an owner reports a leak with one photo sent first through a presigned upload and one inline; the
 * fault is stored with its photos in S3, triaged by the local classifier and assigned to the plumber of the building,
 * the manager and the technician are told; the technician works it to resolved, and the reporter hears of it.
 */
@ExtendWith(LocalCloudExtension.class)
class FaultFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] JPEG = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1,
            1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    @Test
    void reportTriageAssignResolve(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        var ids = demo.ids();
        String technicianId = demo.account("technician").orElseThrow().userId();
        ApiResponse skills = conforms("PUT", "/buildings/{buildingId}/technicians/{userId}/skills",
                cloud.as("manager").put("/buildings/" + ids.get("buildingId") + "/technicians/" + technicianId + "/skills",
                        json(Map.of("skills", List.of("plumbing", "heating")))));
        assertThat(skills.status()).as(skills.body()).isEqualTo(200);

        ApiResponse upload = conforms("POST", "/uploads", cloud.as("owner").post("/uploads",
                json(Map.of("contentType", "image/png", "sizeBytes", PNG.length))));
        assertThat(upload.status()).isEqualTo(201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.json().path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG));
        upload.json().path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) put.header(h.getKey(), h.getValue().asText());
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        ApiResponse reported = conforms("POST", "/faults", cloud.as("owner").post("/faults", json(Map.of(
                "title", "Leaking pipe under the sink", "description", "Water drips from the pipe under the kitchen sink",
                "category", "other", "buildingId", ids.get("buildingId"), "unitId", ids.get("unit.1A"),
                "photos", List.of(Map.of("uploadId", upload.json().path("uploadId").asText()),
                        Map.of("contentBase64", Base64.getEncoder().encodeToString(JPEG)))))));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String faultId = reported.json().path("faultId").asText();
        cloud.awaitEvent("FaultReported", e -> envelope(e).toString().contains(faultId));

        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("PhotosBucket"));
            List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix("faults/" + faultId + "/")).contents()
                    .stream().map(o -> o.key()).toList();
            assertThat(keys).hasSize(2);
        }

        cloud.awaitEvent("FaultAssigned", e -> envelope(e).toString().contains(faultId));
        JsonNode fault = conforms("GET", "/faults/{faultId}", cloud.as("owner").get("/faults/" + faultId)).json();
        assertThat(fault.path("assigneeId").asText()).isEqualTo(technicianId);
        assertThat(fault.path("ai").path("category").asText()).isEqualTo("plumbing");
        assertThat(fault.path("ai").path("photoAnalysis").asText()).isEqualTo("skipped");
        assertThat(fault.path("photos")).hasSize(2);
        HttpResponse<byte[]> photo = HTTP.send(HttpRequest.newBuilder(URI.create(fault.path("photos").get(0).path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(awaitMessageContaining(cloud, demo.account("manager").orElseThrow().email(), "Leaking pipe")).isTrue();
        assertThat(awaitMessageContaining(cloud, demo.account("technician").orElseThrow().email(), "assigned to you")).isTrue();

        // Flow 7: the technician works the fault; the workflow refuses shortcuts and stale writes.
        ApiResponse current = cloud.as("technician").get("/faults/" + faultId);
        String etag = current.header("etag");
        ApiResponse started = conforms("PATCH", "/faults/{faultId}", cloud.as("technician").header("If-Match", etag)
                .patch("/faults/" + faultId, json(Map.of("status", "in_progress"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ApiResponse stale = conforms("PATCH", "/faults/{faultId}", cloud.as("technician").header("If-Match", etag)
                .patch("/faults/" + faultId, json(Map.of("status", "resolved", "resolution", "Replaced the seal"))));
        assertThat(stale.status()).isEqualTo(412);
        ApiResponse noResolution = conforms("PATCH", "/faults/{faultId}", cloud.as("technician")
                .patch("/faults/" + faultId, json(Map.of("status", "resolved"))));
        assertThat(noResolution.status()).isEqualTo(400);
        ApiResponse resolved = conforms("PATCH", "/faults/{faultId}", cloud.as("technician")
                .patch("/faults/" + faultId, json(Map.of("status", "resolved", "resolution", "Replaced the seal"))));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        ApiResponse backwards = conforms("PATCH", "/faults/{faultId}", cloud.as("technician")
                .patch("/faults/" + faultId, json(Map.of("status", "in_progress"))));
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(backwards.body()).contains("allowed");

        cloud.awaitEvent("FaultResolved", e -> envelope(e).toString().contains(faultId));
        assertThat(awaitMessageContaining(cloud, demo.account("owner").orElseThrow().email(), "was resolved")).isTrue();
        JsonNode history = cloud.as("owner").get("/faults/" + faultId).json().path("history");
        assertThat(history.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedAndNothingIsStored(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        int before = cloud.as("manager").get("/faults?buildingId=" + ids.get("buildingId") + "&limit=100").json().path("items").size();
        ApiResponse refused = conforms("POST", "/faults", cloud.as("owner").post("/faults", json(Map.of(
                "title", "Broken window", "description", "The hall window is cracked", "category", "doors_windows",
                "buildingId", ids.get("buildingId"),
                "photos", List.of(Map.of("contentBase64", Base64.getEncoder().encodeToString("GIF89a not really".getBytes())))))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        int after = cloud.as("manager").get("/faults?buildingId=" + ids.get("buildingId") + "&limit=100").json().path("items").size();
        assertThat(after).isEqualTo(before);
        assertThat(conforms("POST", "/faults", cloud.as("technician").post("/faults", json(Map.of(
                "title", "Not mine", "description", "x", "category", "other", "buildingId", "01JD4S6Q0M8Y5C3V7N2B9X1K7V"))))
                .status()).isEqualTo(404);
    }
}
