package app.domus.maintenance.equipment;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.MaintenanceFixture;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.testing.HttpEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The equipment endpoints: their shapes, and the creates replayed under {@code Idempotency-Key}. */
class EquipmentHandlersTest {
    final MaintenanceFixture f = new MaintenanceFixture();
    final CreateEquipmentHandler create = new CreateEquipmentHandler(f.idempotency, f.equipment);
    final RecordMaintenanceHandler record = new RecordMaintenanceHandler(f.idempotency, f.equipment);
    final GetEquipmentHandler get = new GetEquipmentHandler(f.equipment);
    final ListEquipmentHandler list = new ListEquipmentHandler(f.equipment);

    HttpEvents postEquipment(String body) {
        return HttpEvents.request("POST", "/buildings/" + f.building.getId() + "/equipment").pathParam("buildingId", f.building.getId())
                .body(body).as(f.mia);
    }

    HttpEvents postRecord(String equipmentId, String body) {
        return HttpEvents.request("POST", "/equipment/" + equipmentId + "/maintenance").pathParam("equipmentId", equipmentId).body(body).as(f.mia);
    }

    static final String BOILER = "{\"type\":\"boiler\",\"name\":\"Boiler A\",\"installedOn\":\"2010-05-01\",\"lastServicedOn\":\"2025-01-10\"}";

    String created() {
        return json(call(create, postEquipment(BOILER))).path("id").asText();
    }

    /**
     * What {@code IdempotentCreates.assertKeyedCreate} checks, for creates that publish no event: the same request
     * under the same key is answered with the first response, marked replayed, and creates once; another body under
     * the key is a 422 that creates nothing.
     */
    static void assertKeyedCreate(HttpHandler handler, Supplier<HttpEvents> request, Supplier<HttpEvents> otherBody, IntSupplier created) {
        String key = UUID.randomUUID().toString();
        int before = created.getAsInt();
        APIGatewayV2HTTPResponse first = call(handler, request.get().header("Idempotency-Key", key));
        APIGatewayV2HTTPResponse again = call(handler, request.get().header("Idempotency-Key", key));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(created.getAsInt()).as("created once").isEqualTo(before + 1);
        APIGatewayV2HTTPResponse other = call(handler, otherBody.get().header("Idempotency-Key", key));
        assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(422);
        assertThat(created.getAsInt()).as("nothing created for another body under the key").isEqualTo(before + 1);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstEquipmentBack() {
        assertKeyedCreate(create, () -> postEquipment(BOILER), () -> postEquipment(BOILER.replace("Boiler A", "Boiler B")),
                () -> f.equipment.ofBuilding(f.building.getId()).size());
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstRecordBack() {
        String id = created();
        assertKeyedCreate(record, () -> postRecord(id, "{\"kind\":\"repair\",\"performedOn\":\"2026-02-01\"}"),
                () -> postRecord(id, "{\"kind\":\"repair\",\"performedOn\":\"2026-02-02\"}"), () -> f.equipment.records(id).size());
    }

    @Test
    void aCreatedPieceOfEquipmentIsAnsweredWithItsFieldsAndNoRecords() {
        APIGatewayV2HTTPResponse response = call(create, postEquipment(BOILER));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("id").asText()).isNotBlank();
        assertThat(body.path("buildingId").asText()).isEqualTo(f.building.getId());
        assertThat(body.path("type").asText()).isEqualTo("boiler");
        assertThat(body.path("name").asText()).isEqualTo("Boiler A");
        assertThat(body.path("installedOn").asText()).isEqualTo("2010-05-01");
        assertThat(body.path("lastServicedOn").asText()).isEqualTo("2025-01-10");
        assertThat(body.path("createdAt").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(body.has("maintenance")).isFalse();
    }

    @Test
    void aRecordIsAnsweredWithItsFieldsAndTheEquipmentWithAllItsRecords() {
        String id = created();
        APIGatewayV2HTTPResponse recorded = call(record, postRecord(id, "{\"kind\":\"service\",\"performedOn\":\"2026-02-01\",\"notes\":\"annual\"}"));
        assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(201);
        JsonNode r = json(recorded);
        assertThat(r.path("id").asText()).isNotBlank();
        assertThat(r.path("equipmentId").asText()).isEqualTo(id);
        assertThat(r.path("kind").asText()).isEqualTo("service");
        assertThat(r.path("performedOn").asText()).isEqualTo("2026-02-01");
        assertThat(r.path("notes").asText()).isEqualTo("annual");
        assertThat(r.path("recordedBy").asText()).isEqualTo(f.mia);

        APIGatewayV2HTTPResponse got = call(get, HttpEvents.request("GET", "/equipment/" + id).pathParam("equipmentId", id).as(f.rita));
        assertThat(got.getStatusCode()).as(got.getBody()).isEqualTo(200);
        JsonNode equipment = json(got);
        assertThat(equipment.path("lastServicedOn").asText()).isEqualTo("2026-02-01");
        assertThat(equipment.path("maintenance")).hasSize(1);
        assertThat(equipment.path("maintenance").get(0).path("id").asText()).isEqualTo(r.path("id").asText());
    }

    @Test
    void aBuildingsEquipmentIsListedWithoutItsRecords() {
        String id = created();
        APIGatewayV2HTTPResponse response = call(list, HttpEvents.request("GET", "/buildings/" + f.building.getId() + "/equipment")
                .pathParam("buildingId", f.building.getId()).as(f.rita));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode items = json(response).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("id").asText()).isEqualTo(id);
        assertThat(items.get(0).path("name").asText()).isEqualTo("Boiler A");
        assertThat(items.get(0).has("maintenance")).isFalse();
    }
}
