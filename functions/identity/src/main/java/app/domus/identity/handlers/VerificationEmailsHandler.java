package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.identities.IdentityEvents;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.verification.VerificationEvents;
import app.domus.shared.config.Env;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * On {@code EmailVerificationRequested}: makes the link's token and asks the notifier to e-mail the link (template
 * {@code verify-email}, id {@code verify-email:<requestId>}); on {@code PortalSignUpRepeated}: tells the address's
 * owner that someone tried to sign up with it ({@code portal-signup-existing}). Both go to the address itself, by
 * e-mail only; on {@code IdentityLinkRequested}: makes the token of the link that joins a provider identity to the account
 * and e-mails it to the account's address ({@code link-identity}, id {@code link-identity:<requestId>}). A redelivered request that crashed after its e-mail was handed over makes a second token, which the
 * notifier's deduplication by id never sends; the first one stays good.
 */
public class VerificationEmailsHandler extends EventConsumer<JsonNode> {
    public static final String VERIFY_TEMPLATE = "verify-email";
    public static final String EXISTING_TEMPLATE = "portal-signup-existing";
    public static final String LINK_TEMPLATE = "link-identity";

    private final EmailVerification verification;
    private final NotificationSender notifications;
    private final ProviderIdentities identities;
    private final String portalUrl;

    public VerificationEmailsHandler() {
        this(IdentityComponent.create());
    }

    private VerificationEmailsHandler(IdentityComponent component) {
        this(component.idempotency(), component.verification(), component.notifications(), component.identities(),
                Env.orDefault("APP_URL", Env.orDefault("PORTAL_URL", "")));
    }

    VerificationEmailsHandler(IdempotencyStore idempotency, EmailVerification verification, NotificationSender notifications,
                              ProviderIdentities identities, String portalUrl) {
        super(JsonNode.class, idempotency, VerificationEvents.REQUESTED, VerificationEvents.SIGN_UP_REPEATED, IdentityEvents.LINK_REQUESTED);
        this.verification = verification;
        this.notifications = notifications;
        this.identities = identities;
        this.portalUrl = portalUrl;
    }

    @Override
    protected void handle(JsonNode payload) {
        if (payload.has("subject") && payload.has("provider")) {
            var requested = Json.MAPPER.convertValue(payload, IdentityEvents.LinkRequested.class);
            String token = identities.issueEmailLink(requested);
            notifications.send(new NotificationRequest("link-identity:" + requested.requestId(), null, requested.email(),
                    Category.ACCOUNT, LINK_TEMPLATE, ProviderIdentities.linkData(portalUrl, token, requested.email(), requested.provider())));
            return;
        }
        if (payload.has("attemptId")) {
            var repeated = Json.MAPPER.convertValue(payload, VerificationEvents.SignUpRepeated.class);
            notifications.send(new NotificationRequest("portal-signup-existing:" + repeated.attemptId(), null, repeated.email(),
                    Category.ACCOUNT, EXISTING_TEMPLATE, Map.of("email", repeated.email())));
            return;
        }
        var requested = Json.MAPPER.convertValue(payload, VerificationEvents.Requested.class);
        String token = verification.issue(requested);
        notifications.send(new NotificationRequest("verify-email:" + requested.requestId(), null, requested.email(),
                Category.ACCOUNT, VERIFY_TEMPLATE, EmailVerification.linkData(portalUrl, token, requested.email())));
    }
}
