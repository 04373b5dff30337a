package app.domus.finance.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway in memory for the services' tests: intents by idempotency key (the same key gives the same intent, as
 * Stripe's does), charges as a test sets them, and a switch to make it refuse or fail. The protocol itself is tested
 * against the local cloud's Stripe double.
 */
public class RecordingGateway implements PaymentGateway {
    public record Created(long amount, String currency, String paymentMethod, String description, Map<String, String> metadata, String key) {}

    public final List<Created> created = new ArrayList<>();
    public final Map<String, Intent> byKey = new ConcurrentHashMap<>();
    public final Map<String, Map<String, String>> metadata = new ConcurrentHashMap<>();
    public final List<Charge> charges = new ArrayList<>();
    public RuntimeException failure;

    @Override
    public synchronized Intent createIntent(long amount, String currency, String paymentMethod, String description, Map<String, String> metadata,
                                            String idempotencyKey) {
        if (failure != null) throw failure;
        created.add(new Created(amount, currency, paymentMethod, description, metadata, idempotencyKey));
        return byKey.computeIfAbsent(idempotencyKey, key -> {
            String id = "pi_test" + (byKey.size() + 1);
            this.metadata.put(id, metadata);
            return new Intent(id, id + "_secret_x", amount, currency, "requires_confirmation");
        });
    }

    @Override
    public synchronized List<Charge> charges(Instant from, Instant to) {
        return charges.stream().filter(c -> !c.created().isBefore(from) && c.created().isBefore(to)).toList();
    }

    @Override
    public synchronized List<Charge> chargesOf(String paymentIntentId) {
        return charges.stream().filter(c -> paymentIntentId.equals(c.paymentIntentId())).toList();
    }

    @Override
    public Optional<Map<String, String>> intentMetadata(String paymentIntentId) {
        return Optional.ofNullable(metadata.get(paymentIntentId));
    }
}
