package app.domus.meters.registry;

import app.domus.meters.MeterAccess;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Smart-meter devices: a manager registers one to an active meter and gets its credential once (the device's MQTT
 * password; only its SHA-256 is kept, the secret being 32 random bytes a hash cannot be reversed from). Revoking stops
 * the authorizer from admitting it.
 */
@Singleton
public class DeviceService {
    /** The topic a device publishes its readings to, and the only one its policy allows. */
    public static String readingsTopic(String deviceId) {
        return "meters/" + deviceId + "/readings";
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DomusTable table;
    private final MeterAccess access;
    private final Clock clock;

    @Inject
    public DeviceService(DomusTable table, MeterAccess access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    /** A registered device and its secret, which is shown this once. */
    public record Registered(DeviceItem device, String secret) {}

    public Registered register(Caller caller, String meterId) {
        MeterItem meter = access.meter(caller, meterId, MeterAccess.Need.MANAGE);
        if (!meter.isActive()) throw ApiException.conflict("The meter is retired");
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        DeviceItem device = new DeviceItem();
        device.setId("dev-" + Ids.newId().toLowerCase(java.util.Locale.ROOT));
        device.setMeterId(meter.getId());
        device.setOrganisationId(meter.getOrganisationId());
        device.setBuildingId(meter.getBuildingId());
        device.setSecretHash(sha256(secret));
        device.setStatus(DeviceItem.ACTIVE);
        device.setRegisteredAt(clock.instant().toString());
        table.of(DeviceItem.class).putItem(device.keyed());
        device.setVersion(1L);
        return new Registered(device, secret);
    }

    public List<DeviceItem> ofMeter(Caller caller, String meterId) {
        access.meter(caller, meterId, MeterAccess.Need.MANAGE);
        return table.allInIndex(DeviceItem.class, TableItem.GSI1, DeviceItem.ofMeter(meterId));
    }

    public DeviceItem revoke(Caller caller, String deviceId) {
        DeviceItem device = table.get(DeviceItem.class, DeviceItem.pk(deviceId), DeviceItem.SK).orElseThrow(() -> ApiException.notFound("The device"));
        access.meter(caller, device.getMeterId(), MeterAccess.Need.MANAGE);
        if (!device.isActive()) return device;
        device.setStatus(DeviceItem.REVOKED);
        return table.of(DeviceItem.class).updateItem(device);
    }

    /** The active device with this id whose secret is {@code secret}; empty for anything else, in the same way. */
    public Optional<DeviceItem> authenticate(String deviceId, byte[] secret) {
        Optional<DeviceItem> device = deviceId == null ? Optional.empty() : table.get(DeviceItem.class, DeviceItem.pk(deviceId), DeviceItem.SK);
        String presented = sha256(new String(secret, StandardCharsets.UTF_8));
        // Compared in constant time, and against a dummy when there is no device, so timing does not tell which failed.
        String expected = device.map(DeviceItem::getSecretHash).orElse("0".repeat(64));
        boolean same = MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
        return device.filter(d -> same && d.isActive());
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
