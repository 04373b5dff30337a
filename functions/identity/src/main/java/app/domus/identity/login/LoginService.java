package app.domus.identity.login;

import app.domus.identity.UserView;
import app.domus.identity.mfa.MfaService;
import app.domus.identity.password.PasswordHasher;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.security.SecurityEvents;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.config.Env;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Password sign-in, and the second step when two-factor sign-in is on. One answer for a wrong e-mail and a
 * wrong password. Two brakes: per client address (loose, since many people may share one), and per
 * account (five failures in fifteen minutes lock it for fifteen).
 */
@Singleton
public class LoginService {
    static final int MFA_MAX_ATTEMPTS = 5;

    private final DomusTable table;
    private final PasswordHasher passwords;
    private final AccountLockout lockout;
    private final RateLimiter rateLimiter;
    private final SessionService sessions;
    private final MfaService mfa;
    private final Clock clock;
    private final DynamoDbClient dynamoDb;
    private final MfaChallenges challenges;
    private final SecurityEvents security;
    private final int loginsPerIpPerMinute = Env.intOrDefault("LOGINS_PER_IP_PER_MINUTE", 50);

    @Inject
    public LoginService(DomusTable table, PasswordHasher passwords, AccountLockout lockout, RateLimiter rateLimiter,
                        SessionService sessions, MfaService mfa, Clock clock, DynamoDbClient dynamoDb, MfaChallenges challenges,
                        SecurityEvents security) {
        this.table = table;
        this.passwords = passwords;
        this.lockout = lockout;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.mfa = mfa;
        this.clock = clock;
        this.dynamoDb = dynamoDb;
        this.challenges = challenges;
        this.security = security;
    }

    /** Either tokens and the user, or {@code mfaRequired} with the token for {@code POST /auth/mfa/verify}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoginResult(String accessToken, String refreshToken, UserView user, Boolean mfaRequired, String mfaToken) {
        static LoginResult signedIn(SessionService.Tokens tokens, UserItem user) {
            return new LoginResult(tokens.accessToken(), tokens.refreshToken(), UserView.of(user), null, null);
        }
    }

    public LoginResult login(String email, String password, String sourceIp, String userAgent) {
        RateLimiter.Decision perIp = rateLimiter.hit("login-ip#" + sourceIp, loginsPerIpPerMinute, Duration.ofMinutes(1));
        if (!perIp.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS, "Too many sign-in attempts from your network",
                    perIp.retryAfter());
        }
        lockout.refuseIfLocked(email);
        UserItem user = table.get(EmailItem.class, EmailItem.pk(email), EmailItem.SK)
                .flatMap(e -> table.get(UserItem.class, UserItem.pk(e.getUserId()), UserItem.SK))
                .orElse(null);
        if (!passwords.matches(password, user == null ? null : user.getPasswordHash())) {
            lockout.recordFailure(email);
            // An address with no account belongs to no organisation: only an account's failures are audited.
            if (user != null) security.signInFailed(user.getId(), "wrong_password", sourceIp, userAgent);
            throw new ApiException(ProblemType.INVALID_CREDENTIALS, "The email or password is wrong");
        }
        lockout.clear(email);
        return signIn(user, sourceIp, userAgent);
    }

    /** A person whose credentials were checked (a password, or a sign-in provider): tokens, or the second step if MFA is on. */
    public LoginResult signIn(UserItem user, String sourceIp, String userAgent) {
        if (user.mfaOn()) return new LoginResult(null, null, null, true, challenges.open(user, sourceIp, userAgent));
        return LoginResult.signedIn(sessions.open(user, sourceIp, userAgent), user);
    }

    public LoginResult verifyMfa(String mfaToken, String code) {
        Instant now = clock.instant();
        MfaChallengeItem challenge = table.get(MfaChallengeItem.class, MfaChallengeItem.pk(TokenHash.of(mfaToken)), MfaChallengeItem.SK)
                .filter(c -> Instant.parse(c.getExpiresAt()).isAfter(now))
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The sign-in attempt has expired; sign in again"));
        UserItem user = table.get(UserItem.class, UserItem.pk(challenge.getUserId()), UserItem.SK)
                .filter(UserItem::mfaOn)
                .orElseThrow(() -> {
                    deleteChallenge(challenge);
                    return new ApiException(ProblemType.INVALID_TOKEN, "The sign-in attempt has expired; sign in again");
                });
        // Wrong codes count against the account as wrong passwords do: otherwise anyone holding the password could
        // open challenge after challenge and guess codes without limit.
        lockout.refuseIfLocked(user.getEmail());
        try {
            mfa.verify(user, code);
        } catch (ApiException wrong) {
            lockout.recordFailure(user.getEmail());
            countWrongCode(challenge);
            security.signInFailed(user.getId(), "wrong_mfa_code", challenge.getSourceIp(), challenge.getUserAgent());
            throw wrong;
        }
        deleteChallenge(challenge);
        return LoginResult.signedIn(sessions.open(user, challenge.getSourceIp(), challenge.getUserAgent()), user);
    }

    /** Atomic, so that wrong codes sent in parallel each count; the last allowed one ends the challenge. */
    private void countWrongCode(MfaChallengeItem challenge) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table.name())
                    .key(Map.of("pk", AttributeValue.fromS(challenge.getPk()), "sk", AttributeValue.fromS(challenge.getSk())))
                    .updateExpression("ADD attempts :one")
                    .conditionExpression("attempts < :lastAllowed")
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":lastAllowed", AttributeValue.fromN(Integer.toString(MFA_MAX_ATTEMPTS - 1)))));
        } catch (ConditionalCheckFailedException e) {
            deleteChallenge(challenge);
        }
    }

    private void deleteChallenge(MfaChallengeItem challenge) {
        table.of(MfaChallengeItem.class).deleteItem(Key.builder().partitionValue(challenge.getPk()).sortValue(challenge.getSk()).build());
    }
}
