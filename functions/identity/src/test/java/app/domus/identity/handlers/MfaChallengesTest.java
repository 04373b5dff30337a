package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.login.MfaChallengeItem;
import app.domus.identity.login.MfaChallenges;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An opened second-factor challenge is stored under the hash of its token, for five minutes. */
class MfaChallengesTest {

    @Test
    void aChallengeStoresWhoWhereFromAndUntilWhen() {
        IdentityFixture fx = new IdentityFixture();
        UserItem user = fx.storedUser(fx.signUp("challenge@example.com").userId());
        Instant now = fx.clock.instant();

        String token = new MfaChallenges(fx.table, fx.clock).open(user, "198.51.100.7", "Agent/2");

        MfaChallengeItem item = fx.table.get(MfaChallengeItem.class, MfaChallengeItem.pk(TokenHash.of(token)), MfaChallengeItem.SK).orElseThrow();
        assertThat(item.getUserId()).isEqualTo(user.getId());
        assertThat(item.getAttempts()).isZero();
        assertThat(item.getExpiresAt()).isEqualTo(now.plus(Duration.ofMinutes(5)).toString());
        assertThat(item.getSourceIp()).isEqualTo("198.51.100.7");
        assertThat(item.getUserAgent()).isEqualTo("Agent/2");
        assertThat(item.getTtl()).isEqualTo(now.plus(Duration.ofMinutes(5)).getEpochSecond() + 60);
    }
}
