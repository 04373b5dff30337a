package app.domus.local.iot;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import org.junit.jupiter.api.Test;

class IotSqlTest {

    private static IotSql.Message message(String topic, String json) {
        return new IotSql.Message(topic, "device-1", Json.read(json), 1_700_000_000_000L);
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
}
