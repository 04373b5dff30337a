package app.domus.identity.identities;

import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The provider identities (Google, Apple, Facebook) linked to accounts: finding the account of a provider's subject,
 * linking (both items of {@link ProviderIdentityItem}, on condition that neither exists: a subject belongs to one account,
 * an account has one identity per provider), the e-mailed link that proves an account before an identity joins it, and
 * removing one, never the account's last way to sign in.
 */
@Singleton
public class ProviderIdentities {
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ProviderIdentities(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record IdentityView(String provider, String email, String linkedAt) {}

    public record Linked(String userId, String provider, boolean linked) {}

    public Optional<ProviderIdentityItem> find(Provider provider, String subject) {
        return table.get(ProviderIdentityItem.class, ProviderIdentityItem.subjectPk(provider, subject), ProviderIdentityItem.SK);
    }

    public List<IdentityView> list(String userId) {
        return table.all(ProviderIdentityItem.class, UserItem.pk(userId), "IDENTITY#").stream()
                .map(i -> new IdentityView(i.getProvider(), i.getEmail(), i.getLinkedAt()))
                .toList();
    }

    /** Adds the link's two items to the transaction being built, each on condition that it does not exist yet. */
    public void link(TransactWriteItemsEnhancedRequest.Builder transaction, String userId, Provider provider, String subject, String email) {
        for (ProviderIdentityItem item : ProviderIdentityItem.of(userId, provider, subject, email, clock.instant().toString())) {
            transaction.addPutItem(table.of(ProviderIdentityItem.class), TransactPutItemEnhancedRequest.builder(ProviderIdentityItem.class)
                    .item(item).conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
        }
    }

    /** Links in a transaction of its own; a subject linked meanwhile, or a provider the account has already, is 409. */
    public void linkNow(String userId, Provider provider, String subject, String email) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        link(transaction, userId, provider, subject, email);
        commitLink(transaction.build());
    }

    /** Adds the request for an e-mailed link (to the account's own address) to the transaction being built. */
    public void requestEmailLink(TransactWriteItemsEnhancedRequest.Builder transaction, UserItem user, Provider provider, String subject) {
        outbox.add(transaction, IdentityEvents.LINK_REQUESTED, null, user.getId(),
                new IdentityEvents.LinkRequested(Ids.newId(), user.getId(), user.getEmail(), provider.wire(), subject));
    }

    /** Makes and stores the e-mailed link's token (its consumer's work) and returns it; only the e-mail carries it. */
    public String issueEmailLink(IdentityEvents.LinkRequested requested) {
        String token = Ids.secret(32);
        Instant expires = clock.instant().plus(LINK_LIFETIME);
        IdentityLinkItem item = new IdentityLinkItem();
        item.setPk(IdentityLinkItem.pk(TokenHash.of(token)));
        item.setSk(IdentityLinkItem.SK);
        item.setUserId(requested.userId());
        item.setProvider(requested.provider());
        item.setSubject(requested.subject());
        item.setEmail(requested.email());
        item.setExpiresAt(expires.toString());
        item.setTtl(expires.plus(Duration.ofDays(1)).getEpochSecond());
        table.of(IdentityLinkItem.class).putItem(item);
        return token;
    }

    /** The e-mailed link opened: the identity joins the account, the link is gone. Unknown, used or expired: 401. */
    public Linked confirmEmailLink(String token) {
        IdentityLinkItem link = table.get(IdentityLinkItem.class, IdentityLinkItem.pk(TokenHash.of(token)), IdentityLinkItem.SK)
                .filter(l -> Instant.parse(l.getExpiresAt()).isAfter(clock.instant()))
                .orElseThrow(ProviderIdentities::invalidLink);
        UserItem user = table.get(UserItem.class, UserItem.pk(link.getUserId()), UserItem.SK).orElseThrow(ProviderIdentities::invalidLink);
        // The link proves the address it was sent to: if the account's address changed since, it proves nothing.
        if (!user.getEmail().equalsIgnoreCase(link.getEmail()) || !user.emailVerified()) throw invalidLink();
        Provider provider = Provider.of(link.getProvider()).orElseThrow(ProviderIdentities::invalidLink);
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(table.of(IdentityLinkItem.class), TransactDeleteItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(link.getPk()).sortValue(link.getSk()).build())
                        .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build())
                        .build());
        link(transaction, user.getId(), provider, link.getSubject(), link.getEmail());
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) throw invalidLink();
            throw alreadyLinked();
        }
        return new Linked(user.getId(), provider.wire(), true);
    }

    /**
     * Unlinks the caller's identity of that provider. A user without a password and no other identity would be locked
     * out: 409 {@code last-sign-in-method}. Not linked: 404.
     */
    public void remove(String userId, Provider provider) {
        UserItem user = table.get(UserItem.class, UserItem.pk(userId), UserItem.SK)
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The account no longer exists"));
        ProviderIdentityItem identity = table.get(ProviderIdentityItem.class, UserItem.pk(userId), ProviderIdentityItem.userSk(provider))
                .orElseThrow(() -> ApiException.notFound("The " + provider.wire() + " sign-in"));
        long others = list(userId).stream().filter(i -> !i.provider().equals(provider.wire())).count();
        if (user.getPasswordHash() == null && others == 0) {
            throw new ApiException(ProblemType.LAST_SIGN_IN_METHOD,
                    "Link another provider first: without a password, this is the only way to sign in to your account");
        }
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(table.of(ProviderIdentityItem.class), Key.builder().partitionValue(identity.getPk()).sortValue(identity.getSk()).build())
                .addDeleteItem(table.of(ProviderIdentityItem.class), Key.builder()
                        .partitionValue(ProviderIdentityItem.subjectPk(provider, identity.getSubject())).sortValue(ProviderIdentityItem.SK).build());
        // The password the check relied on must still be there when the identity goes (a password could be removed meanwhile).
        if (others == 0) transaction.addConditionCheck(table.of(UserItem.class), b -> b
                .key(Key.builder().partitionValue(user.getPk()).sortValue(user.getSk()).build())
                .conditionExpression(Expression.builder().expression("attribute_exists(passwordHash)").build()));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw new ApiException(ProblemType.CONFLICT, "Your account changed meanwhile; try again");
        }
    }

    void commitLink(TransactWriteItemsEnhancedRequest transaction) {
        try {
            table.client().transactWriteItems(transaction);
        } catch (TransactionCanceledException e) {
            throw alreadyLinked();
        }
    }

    public static ApiException alreadyLinked() {
        return new ApiException(ProblemType.IDENTITY_LINK_REFUSED,
                "This sign-in is linked to another account, or the account has one of this provider already");
    }

    private static ApiException invalidLink() {
        return new ApiException(ProblemType.INVALID_TOKEN, "The link is not valid: it was used, it expired, or it is not ours."
                + " Sign in with the provider again for a new one");
    }

    /** The attributes an e-mailed link needs in the notification's data. */
    public static Map<String, String> linkData(String appUrl, String token, String email, String provider) {
        return Map.of("link", appUrl + "/link-identity?token=" + token, "email", email, "provider", provider,
                "minutes", Long.toString(LINK_LIFETIME.toMinutes()));
    }
}
