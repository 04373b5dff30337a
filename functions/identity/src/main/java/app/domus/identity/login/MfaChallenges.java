package app.domus.identity.login;

import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The second step of a sign-in to an account with MFA on: an opaque token for {@code POST /auth/mfa/verify}, stored only
 * as its hash, good for {@link #LIFETIME}. Opened after a password (sign-in) or a provider (OAuth) was checked.
 */
@Singleton
public class MfaChallenges {
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public MfaChallenges(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public String open(UserItem user, String sourceIp, String userAgent) {
        String token = Ids.secret(32);
        Instant expires = clock.instant().plus(LIFETIME);
        MfaChallengeItem item = new MfaChallengeItem();
        item.setPk(MfaChallengeItem.pk(TokenHash.of(token)));
        item.setSk(MfaChallengeItem.SK);
        item.setUserId(user.getId());
        item.setAttempts(0L);
        item.setExpiresAt(expires.toString());
        item.setSourceIp(sourceIp);
        item.setUserAgent(userAgent);
        item.setTtl(expires.getEpochSecond() + 60);
        table.of(MfaChallengeItem.class).putItem(item);
        return token;
    }
}
