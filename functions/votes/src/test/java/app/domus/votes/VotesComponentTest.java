package app.domus.votes;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every votes handler's public constructor builds through {@link VotesComponent#create()}. */
class VotesComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            VotesComponent wiring = VotesComponent.create();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.votes()).isNotNull();
            assertThat(wiring.voteAccess()).isNotNull();
            assertThat(wiring.ballots()).isNotNull();
            assertThat(wiring.results()).isNotNull();
            assertThat(wiring.scheduler()).isNotNull();
            assertThat(wiring.notifier()).isNotNull();
            assertThat(wiring.liveTally()).isNotNull();
            assertThat(wiring.clock()).isNotNull();
            assertThat(wiring.votes()).as("one graph, one of each").isSameAs(wiring.votes());
            return wiring;
        });
    }
}
