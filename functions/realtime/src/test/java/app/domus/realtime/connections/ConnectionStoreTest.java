package app.domus.realtime.connections;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.RealtimeFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A connection and what it follows are kept for the connection's lifetime and no second longer. */
class ConnectionStoreTest {
    private final RealtimeFixture f = new RealtimeFixture();

    @Test
    void aConnectionIsStoredWithItsTimeAndLifetimeAndFollowsItsUsersTopicForAsLong() {
        ConnectionItem opened = f.connections.open("conn-1", f.owner);

        ConnectionItem stored = f.connections.find("conn-1").orElseThrow();
        assertThat(stored.getUserId()).isEqualTo(f.owner);
        assertThat(stored.getConnectedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(stored.getTtl()).isEqualTo(opened.getTtl()).isGreaterThan(f.clock.instant().getEpochSecond());
        assertThat(f.subscriptionsOf("user:" + f.owner)).singleElement().satisfies(s -> {
            assertThat(s.getConnectionId()).isEqualTo("conn-1");
            assertThat(s.getUserId()).isEqualTo(f.owner);
            assertThat(s.getSubscribedAt()).isEqualTo(f.clock.instant().toString());
            assertThat(s.getTtl()).isEqualTo(opened.getTtl());
        });
    }

    @Test
    void followingATopicTwiceIsFollowingItOnceAndAnswersTheFirstSubscription() {
        ConnectionItem connection = f.connections.open("conn-2", f.owner);
        SubscriptionItem first = f.connections.subscribe(connection, f.voteTopic);
        f.clock.advance(Duration.ofMinutes(5));

        SubscriptionItem again = f.connections.subscribe(connection, f.voteTopic);

        assertThat(first.getTopic()).isEqualTo(f.voteTopic.getName());
        assertThat(first.getConnectionId()).isEqualTo("conn-2");
        assertThat(again.getSubscribedAt()).isEqualTo(first.getSubscribedAt());
        assertThat(f.subscriptionsOf(f.voteTopic.getName())).hasSize(1);
    }

    @Test
    void aConnectionIsGoneAtTheSecondItsLifetimeEnds() {
        ConnectionItem connection = f.connections.open("conn-3", f.owner);
        f.connections.subscribe(connection, f.voteTopic);

        f.clock.advance(Duration.ofSeconds(connection.getTtl() - f.clock.instant().getEpochSecond() - 1));
        assertThat(f.connections.find("conn-3")).as("one second before its end").isPresent();
        assertThat(f.connections.subscribers(f.voteTopic.getName())).hasSize(1);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.connections.find("conn-3")).as("at its end").isEmpty();
        assertThat(f.connections.subscribers(f.voteTopic.getName())).isEmpty();
    }
}
