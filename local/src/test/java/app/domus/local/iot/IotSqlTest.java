package app.domus.local.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IotSqlTest {
    private static final String METER_RULE =
            "SELECT encode(*, 'base64') AS payload, topic() AS topic, clientid() AS clientId, timestamp() AS receivedAt FROM 'meters/+/readings'";

    private static IotSql.Message message(String topic, String payload) {
        return message(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static IotSql.Message message(String topic, byte[] payload) {
        return IotSql.Message.of(topic, "device-1", payload, 1_700_000_000_000L);
    }

    @Test
    void selectsFieldsTopicLevelsAndAliases() {
        IotSql sql = IotSql.parse("SELECT reading.value AS value, unit, topic(2) AS meterId, clientid() AS client FROM 'meters/+/readings'");

        assertThat(sql.apply(message("meters/m-7/readings", "{\"reading\": {\"value\": 12.5}, \"unit\": \"kWh\", \"extra\": 1}")).orElseThrow().toString())
                .isEqualTo("{\"value\":12.5,\"unit\":\"kWh\",\"meterId\":\"m-7\",\"client\":\"device-1\"}");
    }

    @Test
    void keepsOnlyMessagesOnMatchingTopicsThatPassWhere() {
        IotSql sql = IotSql.parse("SELECT * FROM 'buildings/#' WHERE (level > 2 OR alarm = true) AND NOT kind = 'test'");

        assertThat(sql.apply(message("buildings/b1/floor/3", "{\"level\": 3, \"kind\": \"live\"}"))).isPresent();
        assertThat(sql.apply(message("buildings/b1", "{\"level\": 1, \"alarm\": true}"))).isPresent();
        assertThat(sql.apply(message("buildings/b1", "{\"level\": 1}"))).isEmpty();
        assertThat(sql.apply(message("buildings/b1", "{\"level\": 5, \"kind\": \"test\"}"))).isEmpty();
        assertThat(sql.apply(message("parking/p1", "{\"level\": 5}"))).isEmpty();
    }

    @Test
    void matchesMqttWildcards() {
        assertThat(IotSql.topicMatches("a/+/c", "a/b/c")).isTrue();
        assertThat(IotSql.topicMatches("a/+/c", "a/b/c/d")).isFalse();
        assertThat(IotSql.topicMatches("a/#", "a")).isTrue();
        assertThat(IotSql.topicMatches("a/b", "a/b/c")).isFalse();
    }

    @Test
    void encodesTheRawPayloadOfJsonAndNonJsonMessagesAlike() {
        IotSql sql = IotSql.parse(METER_RULE);
        String json = "{\"deviceId\": \"dev-1\", \"value\": 12.5}";
        byte[] garbage = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, '{', 'x'};

        assertThat(sql.apply(message("meters/dev-1/readings", json)).orElseThrow().toString()).isEqualTo(
                "{\"payload\":\"" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                        + "\",\"topic\":\"meters/dev-1/readings\",\"clientId\":\"device-1\",\"receivedAt\":1700000000000}");
        assertThat(sql.apply(message("meters/dev-1/readings", garbage)).orElseThrow().path("payload").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(garbage));
        assertThat(sql.apply(message("meters/dev-1/readings", new byte[0])).orElseThrow().path("payload").asText()).isEmpty();
        assertThat(sql.apply(message("meters/dev-1/state", json))).isEmpty();
    }

    @Test
    void encodesAFieldAsItsTextAndLeavesUndefinedOnesOut() {
        IotSql sql = IotSql.parse("SELECT encode(name, 'base64') AS name, encode(reading, 'base64') AS reading, encode(missing, 'base64') AS missing FROM 'a'");

        assertThat(sql.apply(message("a", "{\"name\": \"hall\", \"reading\": {\"v\": 1}}")).orElseThrow().toString()).isEqualTo(
                "{\"name\":\"" + Base64.getEncoder().encodeToString("hall".getBytes(StandardCharsets.UTF_8))
                        + "\",\"reading\":\"" + Base64.getEncoder().encodeToString("{\"v\":1}".getBytes(StandardCharsets.UTF_8)) + "\"}");
    }

    @Test
    void appliesToNonJsonPayloadsWhereFieldsAreUndefined() {
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);

        assertThat(IotSql.parse("SELECT value, topic(2) AS meterId FROM 'meters/+/readings'")
                .apply(message("meters/m-1/readings", garbage)).orElseThrow().toString()).isEqualTo("{\"meterId\":\"m-1\"}");
        assertThat(IotSql.parse("SELECT topic() AS topic FROM 'meters/+/readings' WHERE value > 3")
                .apply(message("meters/m-1/readings", garbage))).isEmpty();
    }

    @Test
    void knowsOnlyBase64() {
        IotSql sql = IotSql.parse("SELECT encode(*, 'hex') AS payload FROM 'a'");

        assertThatThrownBy(() -> sql.apply(message("a", "{}"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 'base64'");
    }
}
