package app.domus.notifications.devices;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.events.AccountDeletedConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code AccountDeleted} (the {@code ErasePushDevices} entry of the Consumers mapping): the person's SNS platform
 * endpoints are deleted, then their device items, which the deletion left for this (docs/privacy.md, "Left to the
 * other contexts"). Once per event (the kernel's idempotency), and a repeat finds nothing left to do.
 */
public class ErasePushDevicesHandler extends AccountDeletedConsumer {
    private final DeviceService devices;

    public ErasePushDevicesHandler() {
        this(NotificationsComponent.create());
    }

    private ErasePushDevicesHandler(NotificationsComponent wiring) {
        this(wiring.idempotency(), wiring.devices());
    }

    public ErasePushDevicesHandler(IdempotencyStore idempotency, DeviceService devices) {
        super(idempotency);
        this.devices = devices;
    }

    @Override
    protected int erase(String userId) {
        return devices.removeAll(userId);
    }
}
