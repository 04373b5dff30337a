package app.domus.identity.oauth;

import app.domus.identity.identities.Provider;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.identity.identities.ProviderIdentityItem;
import app.domus.identity.login.MfaChallenges;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.tokens.TokenHash;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.identity.verification.EmailVerification;
import app.domus.shared.config.Env;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sign-in with Google, Apple or Facebook (flow 3). {@link #start} stores the attempt ({@link OAuthStateItem}: the PKCE
 * verifier and nonce stay here) under the hash of a fresh {@code state} and binds it to the browser through a cookie
 * whose hash it keeps; {@link #callback} takes the attempt once (a conditional delete: a replayed callback is refused),
 * checks the browser, has the provider exchange the code and name the person, and then:
 * <ul>
 *   <li>a known subject signs in to its account;</li>
 *   <li>a signed-in person linking ({@code linkUserId}) gets the identity linked, if the provider vouches for its address;</li>
 *   <li>an address that is an account's is never linked on the spot: when both the provider and we have it verified, the
 *       account's address is e-mailed a link that joins them ({@code IdentityLinkRequested}); otherwise it is refused
 *       (409 {@code identity-link-refused}) and nothing is stored;</li>
 *   <li>anyone else gets a new account without a password (verified if the provider vouches for the address, otherwise
 *       sent the usual verification link), a member of no organisation until an invitation.</li>
 * </ul>
 * Signing in answers as a password sign-in does (access and refresh token, or the MFA step), in the fragment of a
 * redirect to the configured app URL, the only place the sign-in ever sends the browser back to.
 */
public class OAuthSignIn {
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    public static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
    /** The cookie that binds an attempt to the browser that started it; only its hash is stored. */
    public static final String BROWSER_COOKIE = "domus_oauth";

    private final DomusTable table;
    private final ProviderClient providers;
    private final ProviderIdentities identities;
    private final SessionService sessions;
    private final MfaChallenges challenges;
    private final EmailVerification verification;
    private final OAuthSettings settings;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final int startsPerIpPerMinute = Env.intOrDefault("OAUTH_STARTS_PER_IP_PER_MINUTE", 100);

    public OAuthSignIn(DomusTable table, ProviderClient providers, ProviderIdentities identities, SessionService sessions,
                       MfaChallenges challenges, EmailVerification verification, OAuthSettings settings, RateLimiter rateLimiter,
                       Clock clock) {
        this.table = table;
        this.providers = providers;
        this.identities = identities;
        this.sessions = sessions;
        this.challenges = challenges;
        this.verification = verification;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** Where to send the browser, and the cookie value that binds the attempt to it. */
    public record Started(URI redirect, String browserSecret, long cookieSeconds, boolean crossSitePost) {}

    /** Where the callback sends the browser: the app, with the outcome in the fragment. */
    public record Finished(URI redirect) {}

    /** Each start stores an attempt, and anyone may start: a brake per client address (loose, many may share one). */
    public Started start(Provider provider, String linkTicket, String sourceIp) {
        if (!providers.offers(provider)) throw ApiException.notFound("The sign-in provider " + provider.wire());
        RateLimiter.Decision perIp = rateLimiter.hit("oauth-start-ip#" + sourceIp, startsPerIpPerMinute, Duration.ofMinutes(1));
        if (!perIp.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS, "Too many sign-ins started from your network", perIp.retryAfter());
        }
        String linkUserId = linkTicket == null ? null : redeemTicket(linkTicket, provider);
        String state = Ids.secret(32);
        String nonce = Ids.secret(32);
        String verifier = Ids.secret(48);
        String browser = Ids.secret(32);
        Instant expires = clock.instant().plus(STATE_LIFETIME);
        OAuthStateItem item = new OAuthStateItem();
        item.setPk(OAuthStateItem.pk(TokenHash.of(state)));
        item.setSk(OAuthStateItem.SK);
        item.setProvider(provider.wire());
        item.setCodeVerifier(verifier);
        item.setNonce(nonce);
        item.setBrowserHash(TokenHash.of(browser));
        item.setLinkUserId(linkUserId);
        item.setExpiresAt(expires.toString());
        item.setTtl(expires.plus(Duration.ofHours(1)).getEpochSecond());
        URI redirect = providers.authorizationUrl(provider, state, nonce, verifier);
        table.of(OAuthStateItem.class).putItem(item);
        return new Started(redirect, browser, STATE_LIFETIME.toSeconds(), provider.postsBack());
    }

    /** A signed-in person's ticket for a linking sign-in in their browser ({@code POST /auth/identities/{provider}/link}). */
    public record Ticket(String url, String expiresAt) {}

    public static Ticket ticket(DomusTable table, Clock clock, OAuthSettings settings, String userId, Provider provider) {
        String ticket = Ids.secret(32);
        Instant expires = clock.instant().plus(TICKET_LIFETIME);
        OAuthStateItem item = new OAuthStateItem();
        item.setPk(OAuthStateItem.ticketPk(TokenHash.of(ticket)));
        item.setSk(OAuthStateItem.SK);
        item.setProvider(provider.wire());
        item.setLinkUserId(userId);
        item.setExpiresAt(expires.toString());
        item.setTtl(expires.plus(Duration.ofHours(1)).getEpochSecond());
        table.of(OAuthStateItem.class).putItem(item);
        return new Ticket(settings.publicBaseUrl() + "/auth/oauth/" + provider.wire() + "?link=" + ticket, expires.toString());
    }

    public Finished callback(String state, String code, String error, String browserSecret, String sourceIp, String userAgent) {
        OAuthStateItem attempt = take(OAuthStateItem.pk(TokenHash.of(state == null ? "" : state)))
                .filter(a -> a.getBrowserHash() != null && browserSecret != null
                        && MessageDigest.isEqual(a.getBrowserHash().getBytes(StandardCharsets.UTF_8),
                                TokenHash.of(browserSecret).getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new ApiException(ProblemType.OAUTH_STATE_INVALID,
                        "This sign-in was used, expired, or started in another browser; start it again"));
        Provider provider = Provider.of(attempt.getProvider()).orElseThrow();
        if (error != null || code == null || code.isBlank()) {
            throw new ApiException(ProblemType.OAUTH_CODE_REJECTED, "The sign-in provider did not sign you in"
                    + (error == null ? "" : " (" + error.replaceAll("[^A-Za-z0-9_.-]", "") + ")"));
        }
        ProviderClient.Person person = providers.identify(provider, code, attempt.getCodeVerifier(), attempt.getNonce());
        Optional<ProviderIdentityItem> known = identities.find(provider, person.subject());

        if (attempt.getLinkUserId() != null) return linkSignedIn(provider, person, known, attempt.getLinkUserId());
        if (known.isPresent()) {
            UserItem user = table.get(UserItem.class, UserItem.pk(known.get().getUserId()), UserItem.SK)
                    .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The account no longer exists"));
            return signedIn(user, provider, false, sourceIp, userAgent);
        }
        String email = person.email() == null ? null : person.email().strip().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty()) {
            throw new ApiException(ProblemType.UNPROCESSABLE,
                    "The provider shared no e-mail address: allow it to share yours, or register with your invitation");
        }
        Optional<UserItem> account = table.get(EmailItem.class, EmailItem.pk(email), EmailItem.SK)
                .flatMap(e -> table.get(UserItem.class, UserItem.pk(e.getUserId()), UserItem.SK));
        if (account.isPresent()) return linkByEmail(provider, person, account.get());
        return signedIn(create(provider, person, email), provider, true, sourceIp, userAgent);
    }

    private Finished linkSignedIn(Provider provider, ProviderClient.Person person, Optional<ProviderIdentityItem> known, String userId) {
        if (known.isPresent()) {
            if (known.get().getUserId().equals(userId)) return app(Map.of("linked", provider.wire()));
            throw ProviderIdentities.alreadyLinked();
        }
        if (!person.emailVerified()) throw unverifiedAtProvider(provider);
        identities.linkNow(userId, provider, person.subject(), person.email());
        return app(Map.of("linked", provider.wire()));
    }

    private Finished linkByEmail(Provider provider, ProviderClient.Person person, UserItem account) {
        if (!person.emailVerified()) throw unverifiedAtProvider(provider);
        if (!account.emailVerified()) {
            throw new ApiException(ProblemType.IDENTITY_LINK_REFUSED, "An account has this address, but it has not been verified:"
                    + " sign in with your password, verify your address, and link " + provider.wire() + " from your account");
        }
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        identities.requestEmailLink(transaction, account, provider, person.subject());
        table.client().transactWriteItems(transaction.build());
        return app(Map.of("link_email_sent", provider.wire()));
    }

    private UserItem create(Provider provider, ProviderClient.Person person, String email) {
        Instant now = clock.instant();
        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setEmail(email);
        user.setDisplayName(person.name() == null || person.name().isBlank() ? null : person.name().strip());
        user.setMfaEnabled(false);
        user.setCreatedAt(now.toString());
        if (person.emailVerified()) user.setEmailVerifiedAt(now.toString());
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(email));
        claim.setSk(EmailItem.SK);
        claim.setUserId(user.getId());
        try {
            table.client().transactWriteItems(t -> {
                t.addPutItem(table.of(EmailItem.class), claim).addPutItem(table.of(UserItem.class), user);
                identities.link(t, user.getId(), provider, person.subject(), email);
                if (!person.emailVerified()) verification.request(t, user.getId(), email, "oauth-sign-up");
            });
        } catch (TransactionCanceledException e) {
            throw new ApiException(ProblemType.CONFLICT, "Another sign-in with this account happened at the same moment; sign in again");
        }
        return user;
    }

    private Finished signedIn(UserItem user, Provider provider, boolean newUser, String sourceIp, String userAgent) {
        Map<String, String> fragment = new LinkedHashMap<>();
        if (user.mfaOn()) {
            fragment.put("mfa_token", challenges.open(user, sourceIp, userAgent));
        } else {
            SessionService.Tokens tokens = sessions.open(user, sourceIp, userAgent);
            fragment.put("access_token", tokens.accessToken());
            fragment.put("refresh_token", tokens.refreshToken());
            fragment.put("token_type", "Bearer");
            fragment.put("expires_in", Long.toString(TokenIssuer.ACCESS_TOKEN_LIFETIME.toSeconds()));
        }
        fragment.put("provider", provider.wire());
        fragment.put("new_user", Boolean.toString(newUser));
        return app(fragment);
    }

    private Finished app(Map<String, String> fragment) {
        String encoded = fragment.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Finished(URI.create(settings.appUrl() + "/oauth/complete#" + encoded));
    }

    private String redeemTicket(String ticket, Provider provider) {
        return take(OAuthStateItem.ticketPk(TokenHash.of(ticket)))
                .filter(t -> t.getProvider().equals(provider.wire()))
                .map(OAuthStateItem::getLinkUserId)
                .orElseThrow(() -> new ApiException(ProblemType.OAUTH_STATE_INVALID, "The link ticket was used or expired; ask for a new one"));
    }

    /** Reads and deletes the item at {@code pk} once: a second taker, or an expired one, gets nothing. */
    private Optional<OAuthStateItem> take(String pk) {
        Optional<OAuthStateItem> item = table.get(OAuthStateItem.class, pk, OAuthStateItem.SK);
        if (item.isEmpty()) return item;
        try {
            table.of(OAuthStateItem.class).deleteItem(b -> b.key(Key.builder().partitionValue(pk).sortValue(OAuthStateItem.SK).build())
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build()));
        } catch (ConditionalCheckFailedException raced) {
            return Optional.empty();
        }
        return item.filter(i -> Instant.parse(i.getExpiresAt()).isAfter(clock.instant()));
    }

    private static ApiException unverifiedAtProvider(Provider provider) {
        return new ApiException(ProblemType.IDENTITY_LINK_REFUSED, "Your " + provider.wire() + " account does not vouch for its"
                + " e-mail address: verify it there, or sign in with your password");
    }
}
