package app.domus.identity.verification;

import app.domus.identity.tokens.TokenHash;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * E-mail verification of password accounts. A request ({@link #request}) is an {@code EmailVerificationRequested} event
 * in the transaction of the change that needs it (a sign-up, a registration, a resend); its consumer makes the link
 * ({@link #issue}): a 256-bit token, stored only as its SHA-256, good for {@link #LIFETIME} and for one use. Verifying
 * deletes the token (on condition that it is still there) and marks the user in one transaction, so two clicks at the
 * same moment verify once and the second is refused. A resend is limited to {@link #RESENDS_PER_HOUR} an hour per
 * user by the kernel's rate limiter.
 */
@Singleton
public class EmailVerification {
    public static final Duration LIFETIME = Duration.ofHours(24);
    public static final int RESENDS_PER_HOUR = 3;

    private final DomusTable table;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    @Inject
    public EmailVerification(DomusTable table, Outbox outbox, RateLimiter rateLimiter, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public record Verified(String userId, String email, boolean emailVerified) {}

    public record Resent(boolean sent, String email) {}

    /** Adds the request for a link to {@code email} to the transaction being built. */
    public void request(TransactWriteItemsEnhancedRequest.Builder transaction, String userId, String email, String reason) {
        outbox.add(transaction, VerificationEvents.REQUESTED, null, userId,
                new VerificationEvents.Requested(Ids.newId(), userId, email, reason));
    }

    /** Makes and stores a link's token for the request (its consumer's work) and returns the token, which only the e-mail carries. */
    public String issue(VerificationEvents.Requested requested) {
        String token = Ids.secret(32);
        Instant expires = clock.instant().plus(LIFETIME);
        EmailVerificationItem item = new EmailVerificationItem();
        item.setPk(EmailVerificationItem.pk(TokenHash.of(token)));
        item.setSk(EmailVerificationItem.SK);
        item.setUserId(requested.userId());
        item.setEmail(requested.email());
        item.setExpiresAt(expires.toString());
        item.setTtl(expires.plus(Duration.ofDays(1)).getEpochSecond());
        table.of(EmailVerificationItem.class).putItem(item);
        return token;
    }

    /** Uses the link's token: the user's address is verified, the token gone. An unknown, used or expired token is 401. */
    public Verified verify(String token) {
        Instant now = clock.instant();
        EmailVerificationItem link = table.get(EmailVerificationItem.class, EmailVerificationItem.pk(TokenHash.of(token)),
                EmailVerificationItem.SK).orElseThrow(EmailVerification::invalid);
        if (!Instant.parse(link.getExpiresAt()).isAfter(now)) throw invalid();
        UserItem user = table.get(UserItem.class, UserItem.pk(link.getUserId()), UserItem.SK).orElseThrow(EmailVerification::invalid);
        // The link proves the address it was sent to: if the account's address changed since, it proves nothing.
        if (!user.getEmail().equalsIgnoreCase(link.getEmail())) throw invalid();
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(table.of(EmailVerificationItem.class), TransactDeleteItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(link.getPk()).sortValue(link.getSk()).build())
                        .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build())
                        .build());
        if (!user.emailVerified()) {
            user.setEmailVerifiedAt(now.toString());
            transaction.addUpdateItem(table.of(UserItem.class), user);
        }
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            // The token was used meanwhile (or the account changed at that moment): either way, this use is refused.
            throw invalid();
        }
        return new Verified(user.getId(), user.getEmail(), true);
    }

    /** Sends the caller a new link, unless they are verified already (then nothing is sent). Beyond the limit: 429. */
    public Resent resend(Caller caller) {
        var decision = rateLimiter.hit("verify-email-resend#" + caller.userId(), RESENDS_PER_HOUR, Duration.ofHours(1));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS,
                    "At most " + RESENDS_PER_HOUR + " verification e-mails an hour; use the newest link or try later", decision.retryAfter());
        }
        UserItem user = table.get(UserItem.class, UserItem.pk(caller.userId()), UserItem.SK)
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The account no longer exists"));
        if (user.emailVerified()) return new Resent(false, user.getEmail());
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        request(transaction, user.getId(), user.getEmail(), "resend");
        table.client().transactWriteItems(transaction.build());
        return new Resent(true, user.getEmail());
    }

    /** The attributes a verification link needs in the notification's data. */
    public static Map<String, String> linkData(String portalUrl, String token, String email) {
        return Map.of("link", portalUrl + "/verify-email?token=" + token, "email", email, "hours", Long.toString(LIFETIME.toHours()));
    }

    private static ApiException invalid() {
        return new ApiException(ProblemType.INVALID_TOKEN, "The link is not valid: it was used, it expired, or it is not ours."
                + " Sign in and ask for a new one");
    }
}
