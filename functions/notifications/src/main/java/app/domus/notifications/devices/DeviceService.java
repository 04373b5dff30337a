package app.domus.notifications.devices;

import app.domus.notifications.NotificationsConfig;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/** Registers and removes the devices a person receives push notifications on. */
@Singleton
public class DeviceService {
    /** Apps re-register on every start; this bounds what a buggy or hostile client can pile up. */
    static final int MAX_DEVICES = 20;

    private final DomusTable table;
    private final SnsClient sns;
    private final NotificationsConfig config;
    private final Clock clock;

    @Inject
    public DeviceService(DomusTable table, SnsClient sns, NotificationsConfig config, Clock clock) {
        this.table = table;
        this.sns = sns;
        this.config = config;
        this.clock = clock;
    }

    /** The registered device and whether this call created it. */
    public record Registration(DeviceItem device, boolean created) {}

    /**
     * Registers the token. The device id is derived from platform and token, so an app that registers the
     * same token again gets the same device back rather than a duplicate that would push everything twice.
     */
    public Registration register(String userId, RegisterDeviceRequest request) {
        PushPlatform platform = request.platformValue();
        String deviceId = deviceId(platform, request.token());
        Optional<String> application = config.platformApplicationArn(platform);
        Optional<DeviceItem> existing = table.get(DeviceItem.class, UserItem.pk(userId), DeviceItem.sk(deviceId));
        if (existing.isPresent() && (existing.get().getEndpointArn() != null || application.isEmpty())) {
            return new Registration(existing.get(), false);
        }
        if (existing.isEmpty() && devices(userId).size() >= MAX_DEVICES) {
            throw ApiException.conflict("You have registered " + MAX_DEVICES + " devices; remove one first");
        }
        DeviceItem device = existing.orElseGet(() -> newDevice(userId, deviceId, platform));
        // Creating an endpoint for a token SNS already knows returns the same endpoint: safe to repeat.
        application.ifPresent(arn -> device.setEndpointArn(
                sns.createPlatformEndpoint(b -> b.platformApplicationArn(arn).token(request.token())).endpointArn()));
        return new Registration(table.of(DeviceItem.class).updateItem(device), existing.isEmpty());
    }

    /** Removes the caller's device and its SNS endpoint; 404 when the caller has no such device. */
    public void remove(String userId, String deviceId) {
        delete(table.get(DeviceItem.class, UserItem.pk(userId), DeviceItem.sk(deviceId))
                .orElseThrow(() -> ApiException.notFound("The device")));
    }

    /**
     * Every device of a deleted account, with its SNS endpoint (which holds the device token): the account deletion
     * leaves the items for this, the endpoint ARN being only there. Safe to repeat: a device already removed is not
     * listed, and SNS's DeleteEndpoint succeeds for an endpoint that is gone. A failed call throws with the item still
     * there, so the redelivered event finds the endpoint again. Returns how many devices were removed.
     */
    public int removeAll(String userId) {
        List<DeviceItem> all = devices(userId);
        all.forEach(this::delete);
        return all.size();
    }

    /** The endpoint first, then the item: the other way round, a failure between the two would lose the endpoint's ARN. */
    private void delete(DeviceItem device) {
        if (device.getEndpointArn() != null) sns.deleteEndpoint(b -> b.endpointArn(device.getEndpointArn()));
        table.of(DeviceItem.class).deleteItem(device);
    }

    public List<DeviceItem> devices(String userId) {
        return table.all(DeviceItem.class, UserItem.pk(userId), DeviceItem.SK_PREFIX);
    }

    private DeviceItem newDevice(String userId, String deviceId, PushPlatform platform) {
        DeviceItem device = new DeviceItem();
        device.setPk(UserItem.pk(userId));
        device.setSk(DeviceItem.sk(deviceId));
        device.setDeviceId(deviceId);
        device.setUserId(userId);
        device.setPlatform(platform.name());
        device.setCreatedAt(clock.instant().toString());
        return device;
    }

    static String deviceId(PushPlatform platform, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((platform.name() + ":" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
