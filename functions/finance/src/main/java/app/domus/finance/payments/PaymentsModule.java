package app.domus.finance.payments;

import app.domus.shared.access.AccessService;
import app.domus.shared.config.Env;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The gateway: Stripe at {@code PAYMENT_GATEWAY_BASE_URL} (unset: Stripe's own API; the local cloud points it at its
 * double), with the secrets from SSM.
 */
@Module
public final class PaymentsModule {
    private PaymentsModule() {}

    @Provides @Singleton
    static GatewaySecrets secrets(SdkHttpClient http) {
        return GatewaySecrets.fromSsm(http);
    }

    @Provides @Singleton
    static PaymentGateway gateway(GatewaySecrets secrets) {
        return new StripePaymentGateway(secrets, Env.optional("PAYMENT_GATEWAY_BASE_URL").orElse(null));
    }

    @Provides @Singleton
    static PaymentWebhooks webhooks(GatewaySecrets secrets, SqsClient sqs) {
        return PaymentWebhooks.fromEnvironment(secrets, sqs);
    }

    @Provides @Singleton
    static PaymentReconciliation reconciliation(DomusTable table, PaymentGateway gateway, AccessService access, NotificationSender notifications,
                                                Clock clock) {
        return new PaymentReconciliation(table, gateway, access, notifications, clock);
    }
}
