package app.domus.local.iot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {

    private static SimulationPlan parse(String json) {
        return SimulationPlan.parse(Json.readOrNull(json));
    }

    @Test
    void readsDevicesIntervalAndMisbehaviour() {
        SimulationPlan plan = parse("""
                {"devices": [{"deviceId": "dev-1", "secret": "a"}, {"deviceId": "dev-2", "secret": "b"}],
                 "intervalMillis": 250, "misbehave": {"dev-2": "garbage"}}""");

        assertThat(plan.devices()).containsExactly(new SimulationPlan.Device("dev-1", "a"), new SimulationPlan.Device("dev-2", "b"));
        assertThat(plan.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.misbehaviour()).isEqualTo(Map.of("dev-2", Misbehaviour.GARBAGE));
        assertThat(parse("{\"devices\": [{\"deviceId\": \"dev-1\", \"secret\": \"a\"}]}").interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"devices\": []}")).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"dev-1\"}]}")).hasMessageContaining("\"secret\"");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"a/b\", \"secret\": \"x\"}]}")).hasMessageContaining("topic level");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"d\", \"secret\": \"x\"}, {\"deviceId\": \"d\", \"secret\": \"y\"}]}"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"d\", \"secret\": \"x\"}], \"intervalMillis\": 10}")).hasMessageContaining("at least 50");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"d\", \"secret\": \"x\"}], \"intervalMillis\": \"soon\"}")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"d\", \"secret\": \"x\"}], \"misbehave\": {\"e\": \"spike\"}}"))
                .hasMessageContaining("not in \"devices\"");
        assertThatThrownBy(() -> parse("{\"devices\": [{\"deviceId\": \"d\", \"secret\": \"x\"}], \"misbehave\": {\"d\": \"explode\"}}"))
                .hasMessageContaining("[spike, silent, duplicate, garbage]");
    }
}
