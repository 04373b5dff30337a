package app.domus.identity.sessions;

import app.domus.identity.security.SecurityEvents;
import app.domus.identity.tokens.TokenHash;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sessions and their refresh tokens. A refresh token is opaque, stored only as its hash, and good for one
 * use: each refresh rotates it. Presenting a token that was already rotated means two parties hold the
 * family (one of them a thief), so the whole session ends. At most {@link #MAX_SESSIONS} sessions per user;
 * opening another ends the oldest.
 */
@Singleton
public class SessionService {
    public static final int MAX_SESSIONS = 5;
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final DomusTable table;
    private final TokenIssuer tokens;
    private final Clock clock;
    private final SecurityEvents security;

    @Inject
    public SessionService(DomusTable table, TokenIssuer tokens, Clock clock, SecurityEvents security) {
        this.table = table;
        this.tokens = tokens;
        this.clock = clock;
        this.security = security;
    }

    public record Tokens(String accessToken, String refreshToken, String sessionId) {}

    public record SessionView(String sessionId, String createdAt, String lastUsedAt, String userAgent,
                              String sourceIp, boolean current) {}

    public Tokens open(UserItem user, String sourceIp, String userAgent) {
        Instant now = clock.instant();
        String sessionId = Ids.newId();
        String refreshToken = Ids.secret(32);
        SessionItem session = new SessionItem();
        session.setPk(UserItem.pk(user.getId()));
        session.setSk(SessionItem.sk(sessionId));
        session.setSessionId(sessionId);
        session.setUserId(user.getId());
        session.setCreatedAt(now.toString());
        session.setLastUsedAt(now.toString());
        session.setUserAgent(truncate(userAgent, 200));
        session.setSourceIp(sourceIp);
        session.setCurrentTokenHash(TokenHash.of(refreshToken));
        session.setTtl(now.plus(REFRESH_LIFETIME).getEpochSecond());
        // Signed before anything is stored: a key SSM cannot give now leaves no session (nor a sign-in in the audit log)
        // that no token was ever issued for.
        String accessToken = tokens.accessToken(user.getId(), user.getEmail(), user.emailVerified(), sessionId);
        // The session and its sign-in's audit event are stored together.
        table.client().transactWriteItems(t -> {
            t.addPutItem(table.of(SessionItem.class), session)
                    .addPutItem(table.of(RefreshTokenItem.class), tokenItem(refreshToken, user.getId(), sessionId, now));
            security.signedIn(t, user.getId(), sessionId, sourceIp, session.getUserAgent());
        });
        evictBeyondLimit(user.getId());
        return new Tokens(accessToken, refreshToken, sessionId);
    }

    public Tokens refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshTokenItem presented = table.get(RefreshTokenItem.class, RefreshTokenItem.pk(TokenHash.of(refreshToken)),
                RefreshTokenItem.SK).orElseThrow(SessionService::invalid);
        if (Instant.parse(presented.getExpiresAt()).isBefore(now)) throw invalid();
        if (RefreshTokenItem.ROTATED.equals(presented.getStatus())) {
            LOG.warn("Rotated refresh token replayed; ending session {}", presented.getSessionId());
            close(presented.getUserId(), presented.getSessionId());
            throw invalid();
        }
        SessionItem session = table.get(SessionItem.class, UserItem.pk(presented.getUserId()),
                SessionItem.sk(presented.getSessionId())).orElseThrow(SessionService::invalid);
        UserItem user = table.get(UserItem.class, UserItem.pk(presented.getUserId()), UserItem.SK)
                .orElseThrow(SessionService::invalid);

        String next = Ids.secret(32);
        presented.setStatus(RefreshTokenItem.ROTATED);
        session.setCurrentTokenHash(TokenHash.of(next));
        session.setLastUsedAt(now.toString());
        session.setTtl(now.plus(REFRESH_LIFETIME).getEpochSecond());
        // Signed before the rotation is stored: a failure to sign must not use up the caller's refresh token.
        String accessToken = tokens.accessToken(user.getId(), user.getEmail(), user.emailVerified(), session.getSessionId());
        try {
            table.client().transactWriteItems(t -> t
                    .addUpdateItem(table.of(RefreshTokenItem.class), presented)
                    .addUpdateItem(table.of(SessionItem.class), session)
                    .addPutItem(table.of(RefreshTokenItem.class), tokenItem(next, user.getId(), session.getSessionId(), now)));
        } catch (TransactionCanceledException e) {
            // Another refresh with the same token won the race: the token was used twice.
            LOG.warn("Concurrent use of one refresh token; ending session {}", session.getSessionId());
            close(user.getId(), session.getSessionId());
            throw invalid();
        }
        return new Tokens(accessToken, next, session.getSessionId());
    }

    public List<SessionView> list(String userId, String currentSessionId) {
        return sessions(userId).stream()
                .sorted(Comparator.comparing(SessionService::createdAt).reversed())
                .map(s -> new SessionView(s.getSessionId(), s.getCreatedAt(), s.getLastUsedAt(), s.getUserAgent(),
                        s.getSourceIp(), s.getSessionId().equals(currentSessionId)))
                .toList();
    }

    /** Ends one session; its refresh tokens stop working because they name a session that no longer exists. */
    public void close(String userId, String sessionId) {
        table.of(SessionItem.class).deleteItem(software.amazon.awssdk.enhanced.dynamodb.Key.builder()
                .partitionValue(UserItem.pk(userId)).sortValue(SessionItem.sk(sessionId)).build());
    }

    /** Ends every session of the user but {@code keepSessionId} (null ends all). */
    public int closeAll(String userId, String keepSessionId) {
        int closed = 0;
        for (SessionItem s : sessions(userId)) {
            if (!s.getSessionId().equals(keepSessionId)) {
                close(userId, s.getSessionId());
                closed++;
            }
        }
        return closed;
    }

    public boolean isOpen(String userId, String sessionId) {
        return sessionId != null && table.get(SessionItem.class, UserItem.pk(userId), SessionItem.sk(sessionId)).isPresent();
    }

    private List<SessionItem> sessions(String userId) {
        return table.all(SessionItem.class, UserItem.pk(userId), "SESSION#");
    }

    private void evictBeyondLimit(String userId) {
        List<SessionItem> all = sessions(userId).stream().sorted(Comparator.comparing(SessionService::createdAt)).toList();
        for (int i = 0; i < all.size() - MAX_SESSIONS; i++) close(userId, all.get(i).getSessionId());
    }

    private static Instant createdAt(SessionItem session) {
        return Instant.parse(session.getCreatedAt());
    }

    private RefreshTokenItem tokenItem(String token, String userId, String sessionId, Instant now) {
        RefreshTokenItem item = new RefreshTokenItem();
        item.setPk(RefreshTokenItem.pk(TokenHash.of(token)));
        item.setSk(RefreshTokenItem.SK);
        item.setUserId(userId);
        item.setSessionId(sessionId);
        item.setStatus(RefreshTokenItem.ACTIVE);
        item.setExpiresAt(now.plus(REFRESH_LIFETIME).toString());
        item.setTtl(now.plus(REFRESH_LIFETIME).getEpochSecond());
        return item;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static ApiException invalid() {
        return new ApiException(ProblemType.INVALID_TOKEN, "The refresh token is not valid; sign in again");
    }

}
