package app.domus.finance.payments;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wiring of the payment functions (POST /payments, the webhook receiver, the reconciliation), on their own zip with
 * stripe-java; built once per cold start by each handler's public constructor.
 */
@Singleton
@Component(modules = {AwsModule.class, PaymentsModule.class})
public interface PaymentsComponent {
    PaymentService payments();

    PaymentGateway gateway();

    PaymentWebhooks webhooks();

    PaymentReconciliation reconciliation();

    IdempotencyStore idempotency();

    Clock clock();

    static PaymentsComponent create() {
        return DaggerPaymentsComponent.create();
    }
}
