package app.domus.calendar;

import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.ProviderException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Google calendar for the service tests: one calendar whose every change bumps a sequence (the sync token
 * is the sequence seen), etags per write, codes checked against their PKCE challenge, access tokens that expire, calls
 * counted per kind.
 */
public final class FakeGoogle implements CalendarProvider {
    public final Map<String, ProviderEvent> events = new LinkedHashMap<>();
    private final Map<String, Long> changedAt = new LinkedHashMap<>();
    public final Map<String, Integer> calls = new LinkedHashMap<>();
    public final Map<String, String> codes = new LinkedHashMap<>();
    public final List<String> validAccessTokens = new ArrayList<>();
    public boolean refreshRefused;
    /** The tokens revoked, in order; a revocation of one already revoked is recorded too (Google answers 400 to it). */
    public final List<String> revoked = new ArrayList<>();
    public boolean revocationUnavailable;
    public String lastChannelToken;
    public boolean syncTokensExpired;
    /** Lists events without their Domus id, as Microsoft Graph's delta does. */
    public boolean listsWithoutDomusIds;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Clock clock;

    public FakeGoogle(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return "https://accounts.example.test/auth?state=" + state + "&code_challenge=" + codeChallenge;
    }

    /** The code the provider hands back for a consent whose challenge was this. */
    public String consent(String codeChallenge) {
        String code = "code-" + ids.incrementAndGet();
        codes.put(code, codeChallenge);
        return code;
    }

    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        count("exchange");
        String challenge = codes.remove(code);
        if (challenge == null || !challenge.equals(s256(codeVerifier))) throw new ProviderException(ProviderException.Kind.REFUSED, "invalid_grant");
        return tokens("refresh-1");
    }

    @Override
    public void revoke(Tokens tokens, String channelId) {
        count("revoke");
        if (revocationUnavailable) throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google answered 503");
        revoked.add(tokens.refreshToken());
    }

    @Override
    public Tokens refresh(String refreshToken) {
        count("refresh");
        if (refreshRefused) throw new ProviderException(ProviderException.Kind.REFUSED, "invalid_grant");
        return tokens(refreshToken);
    }

    private Tokens tokens(String refresh) {
        String access = "access-" + ids.incrementAndGet();
        validAccessTokens.add(access);
        return new Tokens(access, refresh, clock.instant().plus(Duration.ofHours(1)));
    }

    /** Every access token handed out so far stops working (the provider revoked them early). */
    public void expireAccessTokens() {
        validAccessTokens.clear();
    }

    private void authorise(String access) {
        if (!validAccessTokens.contains(access)) throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, "401");
    }

    @Override
    public Page list(String accessToken, String calendarId, String syncToken, String pageToken) {
        authorise(accessToken);
        count("list");
        if (syncToken != null && syncTokensExpired) {
            syncTokensExpired = false;
            throw new ProviderException(ProviderException.Kind.GONE, "410");
        }
        long since = syncToken == null ? -1 : Long.parseLong(syncToken);
        List<ProviderEvent> changed = events.values().stream().filter(e -> changedAt.get(e.externalId()) > since)
                .filter(e -> syncToken != null || !e.cancelled())
                .map(e -> listsWithoutDomusIds ? new ProviderEvent(e.externalId(), e.etag(), e.cancelled(), e.title(), e.description(), e.start(), e.end(), null) : e)
                .toList();
        return new Page(changed, null, String.valueOf(sequence.get()));
    }

    @Override
    public ProviderEvent insert(String accessToken, String calendarId, EventData data, String domusEventId) {
        authorise(accessToken);
        count("insert");
        return put(new ProviderEvent("g" + ids.incrementAndGet(), null, false, data.title(), data.description(), data.start(), data.end(), domusEventId));
    }

    @Override
    public ProviderEvent patch(String accessToken, String calendarId, String externalId, EventData data) {
        authorise(accessToken);
        count("patch");
        ProviderEvent e = events.get(externalId);
        if (e == null || e.cancelled()) throw new ProviderException(ProviderException.Kind.GONE, "410");
        return put(new ProviderEvent(externalId, null, false, data.title(), data.description(), data.start(), data.end(), e.domusEventId()));
    }

    @Override
    public void delete(String accessToken, String calendarId, String externalId) {
        authorise(accessToken);
        count("delete");
        ProviderEvent e = events.get(externalId);
        if (e != null && !e.cancelled()) cancelled(externalId);
    }

    @Override
    public Optional<ProviderEvent> findByDomusId(String accessToken, String calendarId, String domusEventId) {
        authorise(accessToken);
        count("find");
        return events.values().stream().filter(e -> domusEventId.equals(e.domusEventId()) && !e.cancelled()).findFirst();
    }

    @Override
    public Watch watch(String accessToken, String calendarId, String channelId, String channelToken, String address) {
        authorise(accessToken);
        count("watch");
        lastChannelToken = channelToken;
        return new Watch(channelId, "resource-1", clock.instant().plus(Duration.ofDays(7)));
    }

    /** The person adds, changes or deletes an event in Google Calendar itself. */
    public ProviderEvent userAdds(String title, String start, String end) {
        return put(new ProviderEvent("g" + ids.incrementAndGet(), null, false, title, null, start, end, null));
    }

    public ProviderEvent userChanges(String externalId, String title) {
        ProviderEvent e = events.get(externalId);
        return put(new ProviderEvent(externalId, null, false, title, e.description(), e.start(), e.end(), e.domusEventId()));
    }

    public void cancelled(String externalId) {
        ProviderEvent e = events.get(externalId);
        put(new ProviderEvent(externalId, null, true, e.title(), e.description(), e.start(), e.end(), e.domusEventId()));
    }

    private ProviderEvent put(ProviderEvent e) {
        int seq = sequence.incrementAndGet();
        ProviderEvent stored = new ProviderEvent(e.externalId(), "\"etag-" + seq + "\"", e.cancelled(), e.title(), e.description(), e.start(), e.end(), e.domusEventId());
        events.put(e.externalId(), stored);
        changedAt.put(e.externalId(), (long) seq);
        return stored;
    }

    public List<ProviderEvent> live() {
        return events.values().stream().filter(e -> !e.cancelled()).toList();
    }

    public int calls(String kind) {
        return calls.getOrDefault(kind, 0);
    }

    private void count(String kind) {
        calls.merge(kind, 1, Integer::sum);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
