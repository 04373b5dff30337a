package app.domus.identity.portal;

import app.domus.identity.password.PasswordHasher;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.verification.VerificationEvents;
import app.domus.shared.config.Env;
import app.domus.shared.directory.EmailItem;
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
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Public sign-up on the listing portal, without an invitation: a portal user is an account with no membership of any
 * organisation (so no building, unit or organisation answers them), who signs in with {@code POST /auth/login} like
 * everyone and must verify their address before they may send an inquiry.
 *
 * <p>The answer never tells whether the address has an account: it is the same {@link #ACCEPTED} either way, the
 * password is hashed either way (so the time taken does not tell either), and what differs goes by e-mail to the
 * address: a new account gets its verification link, an existing verified one a note that someone tried to sign up
 * with it ({@code PortalSignUpRepeated}), an existing unverified one a new link. Sign-ups are limited per client
 * address and per e-mail address (429 is counted before the address is looked up, so it tells nothing either).
 */
@Singleton
public class PortalSignUp {
    /** What every accepted sign-up answers. */
    public record Accepted(String status, String message) {}

    public static final Accepted ACCEPTED = new Accepted("verification-sent",
            "Check your e-mail: we sent a link to confirm your address. Then sign in with POST /auth/login.");

    private final DomusTable table;
    private final PasswordHasher passwords;
    private final EmailVerification verification;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final int perIpPerHour = Env.intOrDefault("PORTAL_SIGNUPS_PER_IP_PER_HOUR", 20);
    private final int perEmailPerHour = Env.intOrDefault("PORTAL_SIGNUPS_PER_EMAIL_PER_HOUR", 3);

    @Inject
    public PortalSignUp(DomusTable table, PasswordHasher passwords, EmailVerification verification, Outbox outbox,
                        RateLimiter rateLimiter, Clock clock) {
        this.table = table;
        this.passwords = passwords;
        this.verification = verification;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public Accepted signUp(String email, String password, String name, String sourceIp) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        limit("portal-signup-ip#" + sourceIp, perIpPerHour, "Too many sign-ups from your network; try again later");
        limit("portal-signup-email#" + address, perEmailPerHour, "Too many sign-ups with this address; try again later");
        String passwordHash = passwords.hash(password);
        Optional<UserItem> existing = existing(address);
        if (existing.isPresent()) {
            toExisting(existing.get());
            return ACCEPTED;
        }
        Instant now = clock.instant();
        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setEmail(address);
        user.setDisplayName(name.strip());
        user.setPasswordHash(passwordHash);
        user.setPasswordChangedAt(now.toString());
        user.setMfaEnabled(false);
        user.setAccountType(UserItem.PORTAL);
        user.setCreatedAt(now.toString());
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(address));
        claim.setSk(EmailItem.SK);
        claim.setUserId(user.getId());
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(EmailItem.class), claim)
                .addPutItem(table.of(UserItem.class), user);
        verification.request(transaction, user.getId(), address, "portal-sign-up");
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            // Another sign-up or registration took the address at this moment: it is an existing account now.
            existing(address).ifPresent(this::toExisting);
        }
        return ACCEPTED;
    }

    private void toExisting(UserItem user) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        if (user.emailVerified()) {
            outbox.add(transaction, VerificationEvents.SIGN_UP_REPEATED, null, user.getId(),
                    new VerificationEvents.SignUpRepeated(Ids.newId(), user.getId(), user.getEmail()));
        } else {
            verification.request(transaction, user.getId(), user.getEmail(), "portal-sign-up-again");
        }
        table.client().transactWriteItems(transaction.build());
    }

    private Optional<UserItem> existing(String address) {
        return table.get(EmailItem.class, EmailItem.pk(address), EmailItem.SK)
                .flatMap(e -> table.get(UserItem.class, UserItem.pk(e.getUserId()), UserItem.SK));
    }

    private void limit(String key, int perHour, String detail) {
        var decision = rateLimiter.hit(key, perHour, Duration.ofHours(1));
        if (!decision.allowed()) throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS, detail, decision.retryAfter());
    }
}
