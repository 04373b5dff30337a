package app.domus.rentals.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.partners.PartnerException;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Nuki Web API's request and answer shapes, without a server. */
class NukiLockGatewayTest {
    private final NukiLockGateway gateway = new NukiLockGateway("http://127.0.0.1:1", () -> "token");

    @Test
    void asksForAKeypadCodeWithItsWindow() {
        JsonNode body = NukiLockGateway.createBody("res-1", "345678", Instant.parse("2030-07-01T14:00:00.123456Z"), Instant.parse("2030-07-04T10:00:00Z"));
        assertThat(body.path("type").asInt()).isEqualTo(13);
        assertThat(body.path("code").isInt()).isTrue();
        assertThat(body.path("code").asInt()).isEqualTo(345678);
        assertThat(body.path("name").asText()).isEqualTo("res-1");
        assertThat(body.path("allowedFromDate").asText()).isEqualTo("2030-07-01T14:00:00.123Z");
        assertThat(body.path("allowedUntilDate").asText()).isEqualTo("2030-07-04T10:00:00Z");
        assertThat(body.path("allowedWeekDays").asInt()).isEqualTo(127);
    }

    @Test
    void readsTheLocksConnectionAndBolt() {
        LockState online = NukiLockGateway.lockState("1", Json.tree("""
                {"smartlockId": 1, "name": "Door", "serverState": 0, "state": {"state": 1, "batteryCritical": true}}"""));
        assertThat(online).isEqualTo(new LockState("1", "Door", true, true, true));
        LockState offline = NukiLockGateway.lockState("1", Json.tree("""
                {"smartlockId": 1, "name": "Door", "serverState": 4, "state": {"state": 3}}"""));
        assertThat(offline.online()).isFalse();
        assertThat(offline.locked()).isFalse();
        assertThatThrownBy(() -> NukiLockGateway.lockState("1", Json.tree("{\"smartlockId\": 1}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheKeypadCodeByItsName() {
        JsonNode auths = Json.tree("""
                [{"id": "a1", "type": 0, "name": "res-1"}, {"id": "b2", "type": 13, "name": "res-2"}, {"id": "c3", "type": 13, "name": "res-1"}]""");
        assertThat(NukiLockGateway.keypadCodeNamed(auths, "res-1")).contains("c3");
        assertThat(NukiLockGateway.keypadCodeNamed(auths, "res-3")).isEmpty();
    }

    @Test
    void takesOnlyCodesTheKeypadTakes() {
        assertThat(gateway.acceptsCode("345678")).isTrue();
        assertThat(gateway.acceptsCode("123456")).isFalse();
        assertThat(gateway.acceptsCode("345670")).isFalse();
        assertThat(gateway.acceptsCode("34567")).isFalse();
        assertThat(gateway.acceptsCode(null)).isFalse();
    }

    @Test
    void refusesABadCodeOrWindowWithoutCallingTheApi() {
        Instant from = Instant.parse("2030-07-01T14:00:00Z");
        assertThatThrownBy(() -> gateway.createCode("1", "res-1", "120000", from, from.plusSeconds(60))).isInstanceOf(PartnerException.Invalid.class);
        assertThatThrownBy(() -> gateway.createCode("1", "res-1", "345678", from, from)).isInstanceOf(PartnerException.Invalid.class);
    }
}
