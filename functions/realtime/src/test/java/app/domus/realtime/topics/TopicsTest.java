package app.domus.realtime.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.realtime.RealtimeFixture;
import app.domus.shared.http.ApiException;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final RealtimeFixture f = new RealtimeFixture();

    @Test
    void advanceGoesOnlyForwardInTime() {
        assertThat(f.topics.advance("vote:VOTE1", 2_000)).as("the first update").isTrue();
        assertThat(f.topics.advance("vote:VOTE1", 1_000)).as("overtaken").isFalse();
        assertThat(f.topics.advance("vote:VOTE1", 2_000)).as("sent in the same millisecond").isTrue();
        assertThat(f.topics.advance("vote:VOTE1", 3_000)).as("later").isTrue();
        assertThat(f.topics.advance("vote:VOTE1", 2_500)).as("older than the latest").isFalse();
    }

    @Test
    void topicsAdvanceOnTheirOwn() {
        f.topic("vote:OTHER", f.buildingA1);
        f.topics.advance("vote:VOTE1", 5_000);

        assertThat(f.topics.advance("vote:OTHER", 1_000)).isTrue();
    }

    @Test
    void anUnknownTopicDoesNotAdvanceAndIsNotCreated() {
        int before = f.itemCount();

        assertThat(f.topics.advance("vote:NOBODY", 1_000)).isFalse();

        assertThat(f.itemCount()).isEqualTo(before);
        assertThatThrownBy(() -> f.topics.get("vote:NOBODY")).isInstanceOf(ApiException.class);
    }

    @Test
    void advancingKeepsWhatTheTopicIsAbout() {
        f.topics.advance("vote:VOTE1", 1_000);

        assertThat(f.topics.get("vote:VOTE1").getBuildingId()).isEqualTo(f.buildingA1.getId());
    }
}
