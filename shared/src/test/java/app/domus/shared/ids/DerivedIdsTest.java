package app.domus.shared.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedIdsTest {
    @Test
    void aDerivedIdIsTheSameForTheSameInstantAndNameAndAValidUlid() {
        String id = Ids.derived(1_764_583_200_000L, "received:m1-1764583200000");
        assertThat(id).isEqualTo(Ids.derived(1_764_583_200_000L, "received:m1-1764583200000")).matches("[0-9A-HJKMNP-TV-Z]{26}");
        // The time part is the instant's, as a fresh id of that millisecond would have it.
        assertThat(id.substring(0, 10)).isEqualTo(Ids.newId(1_764_583_200_000L).substring(0, 10));
    }

    @Test
    void anotherNameOrInstantGivesAnotherIdAndIdsSortByTime() {
        String a = Ids.derived(1_000L, "a");
        assertThat(Ids.derived(1_000L, "b")).isNotEqualTo(a);
        assertThat(Ids.derived(2_000L, "a")).isGreaterThan(a);
    }
}
