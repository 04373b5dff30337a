package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.maintenance.model.RiskModel;
import app.domus.maintenance.model.SyntheticHistory;
import app.domus.maintenance.model.Training;
import app.domus.maintenance.predict.S3ModelStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Flow 23: the demo building's manager registers its equipment (an old boiler serviced long ago, a new lift, a pump) and
 * records a service; residents report heating faults (FaultReported reaches the maintenance context's projection); a
 * model trained on the synthetic history is published to the local S3 as a new version; the daily job fires: one
 * message for the building, the prediction function loads that version and scores the equipment through the AI
 * gateway, saves the risks with their reasons, publishes PredictionGenerated, and e-mails the managers about the
 * riskiest piece (the boiler). A resident reads the predictions but registers nothing.
 */
@ExtendWith(LocalCloudExtension.class)
class PredictiveMaintenanceFlowTest {

    @Test
    void theDailyJobScoresTheDemoBuildingsEquipmentWithReasonsAndAlertsItsManagersOfTheRiskiest(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        String buildingId = demo.ids().get("buildingId");
        String managerEmail = demo.account("manager").orElseThrow().email();
        String tag = UUID.randomUUID().toString().substring(0, 8);

        ApiResponse boiler = conforms("POST", "/buildings/{buildingId}/equipment", cloud.as("manager")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/buildings/" + buildingId + "/equipment", json(Map.of("type", "boiler", "name", "Boiler " + tag,
                        "installedOn", "2004-03-01", "lastServicedOn", "2023-05-10"))));
        assertThat(boiler.status()).as(boiler.body()).isEqualTo(201);
        String boilerId = boiler.json().path("id").asText();
        ApiResponse lift = cloud.as("manager").post("/buildings/" + buildingId + "/equipment",
                json(Map.of("type", "lift", "name", "Lift " + tag, "installedOn", "2024-09-01")));
        assertThat(lift.status()).as(lift.body()).isEqualTo(201);
        String liftId = lift.json().path("id").asText();
        assertThat(cloud.as("manager").post("/buildings/" + buildingId + "/equipment",
                json(Map.of("type", "pump", "name", "Pump " + tag, "installedOn", "2019-04-01"))).status()).isEqualTo(201);
        ApiResponse serviced = conforms("POST", "/equipment/{equipmentId}/maintenance", cloud.as("manager")
                .post("/equipment/" + liftId + "/maintenance", json(Map.of("kind", "service", "performedOn", "2025-10-01", "notes", "annual"))));
        assertThat(serviced.status()).as(serviced.body()).isEqualTo(201);
        assertThat(conforms("POST", "/buildings/{buildingId}/equipment", cloud.as("owner")
                .post("/buildings/" + buildingId + "/equipment", json(Map.of("type", "roof", "installedOn", "1990-01-01")))).status())
                .as("a resident registers nothing").isEqualTo(403);
        JsonNode read = conforms("GET", "/equipment/{equipmentId}", cloud.as("owner").get("/equipment/" + liftId)).json();
        assertThat(read.path("lastServicedOn").asText()).isEqualTo("2025-10-01");
        assertThat(read.path("maintenance")).hasSize(1);
        assertThat(conforms("GET", "/buildings/{buildingId}/equipment", cloud.as("owner").get("/buildings/" + buildingId + "/equipment"))
                .json().path("items").findValuesAsText("id")).contains(boilerId, liftId);

        // The boiler's history: heating faults reported by a resident reach the maintenance context as FaultReported.
        for (int i = 0; i < 3; i++) {
            ApiResponse fault = cloud.as("owner").post("/faults", json(Map.of("title", "No hot water " + tag + " " + i,
                    "description", "The radiators stay cold and there is no hot water", "category", "heating",
                    "buildingId", buildingId, "unitId", demo.ids().get("unit.1A"))));
            assertThat(fault.status()).as(fault.body()).isEqualTo(201);
            String faultId = fault.json().path("faultId").asText();
            cloud.awaitEvent("FaultReported", e -> envelope(e).toString().contains(faultId));
        }
        cloud.awaitQueueDrained("MaintenanceSignalsQueue");

        // A model version trained by the training command's code, published to the local S3.
        String version = "e2e-" + tag;
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("MaintenanceModelsBucket"));
            S3ModelStore.publish(s3, bucket, RiskModel.train(new SyntheticHistory(Training.SEED).examples(Training.SYNTHETIC), version));
        }

        cloud.fireSchedule("ScheduleMaintenancePredictionsFunction");
        JsonNode generated = cloud.awaitEvent("PredictionGenerated", e -> envelope(e).toString().contains(boilerId));
        JsonNode payload = envelope(generated).path("payload");
        assertThat(payload.path("level").asText()).isEqualTo("high");
        assertThat(payload.path("modelVersion").asText()).isEqualTo(version);
        assertThat(payload.path("source").asText()).isEqualTo("model");
        cloud.awaitQueueDrained("PredictionQueue");

        ApiResponse predictions = conforms("GET", "/buildings/{buildingId}/predictions", cloud.as("owner").get("/buildings/" + buildingId + "/predictions"));
        assertThat(predictions.status()).as(predictions.body()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        predictions.json().path("items").forEach(items::add);
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        JsonNode riskiest = items.get(0);
        assertThat(riskiest.path("equipmentId").asText()).isEqualTo(boilerId);
        assertThat(riskiest.path("risk").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(riskiest.path("reasons").size()).isBetween(1, 3);
        assertThat(riskiest.path("reasons").findValuesAsText("feature")).contains("life_used");
        JsonNode liftPrediction = items.stream().filter(p -> p.path("equipmentId").asText().equals(liftId)).findFirst().orElseThrow();
        assertThat(liftPrediction.path("level").asText()).isEqualTo("low");

        JsonNode alert = cloud.awaitOutbox(managerEmail, m -> m.toString().contains("Boiler " + tag));
        assertThat(alert.toString()).contains("High failure risk").contains("life_used");
        assertThat(cloud.outbox(managerEmail).stream().filter(m -> m.toString().contains("Lift " + tag))).as("no alert for the lift").isEmpty();
    }
}
