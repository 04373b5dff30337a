package app.domus.maintenance.equipment;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.MaintenanceFixture;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
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

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstEquipmentBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> postEquipment(BOILER), () -> postEquipment(BOILER.replace("Boiler A", "Boiler B")),
                () -> f.equipment.ofBuilding(f.building.getId()).size(), "equipment");
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstRecordBack() {
        String id = created();
        IdempotentCreates.assertKeyedCreate(record, () -> postRecord(id, "{\"kind\":\"repair\",\"performedOn\":\"2026-02-01\"}"),
                () -> postRecord(id, "{\"kind\":\"repair\",\"performedOn\":\"2026-02-02\"}"), () -> f.equipment.records(id).size(), "records");
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
