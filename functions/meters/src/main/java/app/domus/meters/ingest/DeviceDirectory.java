package app.domus.meters.ingest;

import app.domus.meters.registry.DeviceItem;
import app.domus.meters.registry.MeterItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Devices and their meters as ingestion sees them, kept in the function's memory for a few minutes: a warm container
 * reads each device once per {@link #KEPT} instead of once per reading. A device revoked or moved to another meter is
 * therefore followed within that time (the authorizer, which checks on every connection, keeps it off the broker).
 * Unknown ids are remembered for a shorter while, so that a misconfigured device cannot make a read per message.
 */
@Singleton
public class DeviceDirectory {
    static final Duration KEPT = Duration.ofMinutes(5);
    static final Duration UNKNOWN_KEPT = Duration.ofSeconds(30);

    private record Kept<T>(Optional<T> value, long untilMs) {}

    private final BatchStore store;
    private final Clock clock;
    private final Map<String, Kept<DeviceItem>> devices = new ConcurrentHashMap<>();
    private final Map<String, Kept<MeterItem>> meters = new ConcurrentHashMap<>();

    @Inject
    public DeviceDirectory(BatchStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Map<String, DeviceItem> devices(Collection<String> ids) {
        return lookup(ids, devices, id -> BatchStore.key(DeviceItem.pk(id), DeviceItem.SK), DeviceItem.SCHEMA::mapToItem, DeviceItem::getId);
    }

    public Map<String, MeterItem> meters(Collection<String> ids) {
        return lookup(ids, meters, id -> BatchStore.key(MeterItem.pk(id), MeterItem.SK), MeterItem.SCHEMA::mapToItem, MeterItem::getId);
    }

    /** Forgets what is kept (tests, and after a SnapStart restore nothing stale is carried). */
    public void forget() {
        devices.clear();
        meters.clear();
    }

    private <T> Map<String, T> lookup(Collection<String> ids, Map<String, Kept<T>> cache,
                                      java.util.function.Function<String, Map<String, AttributeValue>> key,
                                      java.util.function.Function<Map<String, AttributeValue>, T> map,
                                      java.util.function.Function<T, String> idOf) {
        long now = clock.millis();
        Map<String, T> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Kept<T> kept = cache.get(id);
            if (kept != null && kept.untilMs() > now) kept.value().ifPresent(v -> found.put(id, v));
            else missing.add(id);
        }
        if (!missing.isEmpty()) {
            Map<String, Map<String, AttributeValue>> read = store.get(missing.stream().map(key).toList());
            Map<String, T> byId = new HashMap<>();
            read.values().forEach(item -> {
                T value = map.apply(item);
                byId.put(idOf.apply(value), value);
            });
            for (String id : missing) {
                T value = byId.get(id);
                cache.put(id, new Kept<>(Optional.ofNullable(value), now + (value != null ? KEPT : UNKNOWN_KEPT).toMillis()));
                if (value != null) found.put(id, value);
            }
        }
        return found;
    }
}
