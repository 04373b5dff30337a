package app.domus.local.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterPolicyTest {

    private static boolean attributesMatch(String policy, Map<String, MessageAttribute> attributes) {
        return FilterPolicy.parse(policy, false).matches(attributes, "{}");
    }

    private static Map<String, MessageAttribute> eventType(String type) {
        return Map.of("eventType", new MessageAttribute("String", type));
    }

    @Test
    void matchesAnyOfTheListedValues() {
        String policy = "{\"eventType\": [\"UserRegistered\", \"UserInvited\"]}";

        assertThat(attributesMatch(policy, eventType("UserInvited"))).isTrue();
        assertThat(attributesMatch(policy, eventType("UserDeleted"))).isFalse();
        assertThat(attributesMatch(policy, Map.of())).isFalse();
    }

    @Test
    void matchesPrefixesAndSuffixes() {
        assertThat(attributesMatch("{\"eventType\": [{\"prefix\": \"Meter\"}]}", eventType("MeterRead"))).isTrue();
        assertThat(attributesMatch("{\"eventType\": [{\"prefix\": \"Meter\"}]}", eventType("UnitMetered"))).isFalse();
        assertThat(attributesMatch("{\"eventType\": [{\"suffix\": \"Read\"}]}", eventType("MeterRead"))).isTrue();
    }

    @Test
    void matchesAnythingButTheExcludedValuesWhenPresent() {
        String policy = "{\"eventType\": [{\"anything-but\": [\"Heartbeat\", \"Ping\"]}]}";

        assertThat(attributesMatch(policy, eventType("MeterRead"))).isTrue();
        assertThat(attributesMatch(policy, eventType("Ping"))).isFalse();
        assertThat(attributesMatch(policy, Map.of())).isFalse();
        assertThat(attributesMatch("{\"eventType\": [{\"anything-but\": {\"prefix\": \"Test\"}}]}", eventType("TestEvent"))).isFalse();
    }

    @Test
    void matchesOnPresenceOrAbsence() {
        assertThat(attributesMatch("{\"tenant\": [{\"exists\": true}]}", Map.of("tenant", new MessageAttribute("String", "t1")))).isTrue();
        assertThat(attributesMatch("{\"tenant\": [{\"exists\": true}]}", Map.of())).isFalse();
        assertThat(attributesMatch("{\"tenant\": [{\"exists\": false}]}", Map.of())).isTrue();
    }

    @Test
    void requiresEveryKeyAndComparesNumbers() {
        String policy = "{\"eventType\": [\"MeterRead\"], \"value\": [{\"numeric\": [\">\", 0, \"<=\", 100]}]}";

        assertThat(attributesMatch(policy, Map.of("eventType", new MessageAttribute("String", "MeterRead"), "value", new MessageAttribute("Number", "42")))).isTrue();
        assertThat(attributesMatch(policy, Map.of("eventType", new MessageAttribute("String", "MeterRead"), "value", new MessageAttribute("Number", "142")))).isFalse();
        assertThat(attributesMatch(policy, Map.of("value", new MessageAttribute("Number", "42")))).isFalse();
    }

    @Test
    void matchesAnyElementOfAStringArray() {
        assertThat(attributesMatch("{\"roles\": [\"owner\"]}", Map.of("roles", new MessageAttribute("String.Array", "[\"tenant\",\"owner\"]")))).isTrue();
    }

    @Test
    void filtersOnTheMessageBodyWhenScopedSo() {
        FilterPolicy policy = FilterPolicy.parse("{\"unit\": {\"floor\": [{\"numeric\": [\">=\", 3]}]}}", true);

        assertThat(policy.matches(Map.of(), "{\"unit\": {\"floor\": 4}}")).isTrue();
        assertThat(policy.matches(Map.of(), "{\"unit\": {\"floor\": 1}}")).isFalse();
        assertThat(policy.matches(Map.of(), "not json")).isFalse();
    }
}
