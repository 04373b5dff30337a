package app.domus.local.partners;

import app.domus.local.template.Template;
import java.util.Map;

/**
 * A stand-in for one external partner (payment gateway, rental channel, smart locks, police portal, OAuth provider,
 * calendar, CRM) that speaks the partner's real protocol on its own port. Doubles are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/app.domus.local.partners.PartnerDouble}) and
 * started before the template is resolved, because they configure the platform the way production is configured:
 * through template parameters (e.g. {@code PaymentGatewayBaseUrl}).
 */
public interface PartnerDouble extends AutoCloseable {

    /** Short name for the console and the start-up banner, e.g. {@code payments}. */
    String name();

    /** Whether this template talks to the partner at all; a double nobody needs is not started. */
    default boolean neededBy(Template template) {
        return true;
    }

    /**
     * Starts serving on {@code context.port()}.
     *
     * @return template parameter overrides that point the platform at this double
     */
    Map<String, String> start(PartnerDoubleContext context) throws Exception;
}
