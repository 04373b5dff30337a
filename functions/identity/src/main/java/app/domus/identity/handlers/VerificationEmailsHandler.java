package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
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
 * e-mail only. A redelivered request that crashed after its e-mail was handed over makes a second token, which the
 * notifier's deduplication by id never sends; the first one stays good.
 */
public class VerificationEmailsHandler extends EventConsumer<JsonNode> {
    public static final String VERIFY_TEMPLATE = "verify-email";
    public static final String EXISTING_TEMPLATE = "portal-signup-existing";

    private final EmailVerification verification;
    private final NotificationSender notifications;
    private final String portalUrl;

    public VerificationEmailsHandler() {
        this(IdentityComponent.create());
    }

    private VerificationEmailsHandler(IdentityComponent component) {
        this(component.idempotency(), component.verification(), component.notifications(), Env.orDefault("PORTAL_URL", ""));
    }

    VerificationEmailsHandler(IdempotencyStore idempotency, EmailVerification verification, NotificationSender notifications,
                              String portalUrl) {
        super(JsonNode.class, idempotency, VerificationEvents.REQUESTED, VerificationEvents.SIGN_UP_REPEATED);
        this.verification = verification;
        this.notifications = notifications;
        this.portalUrl = portalUrl;
    }

    @Override
    protected void handle(JsonNode payload) {
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
