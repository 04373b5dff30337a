package app.domus.local.iot.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated meter's register: a cumulative reading that rises by a plausible consumption in each interval, 0.5 to
 * 1.5 times the meter's usual rate (0.2 to 2 units an hour, about a household's electricity in kWh), and keeps rising
 * while the meter is silent. Its start and usual rate follow from the device id, so the same device always looks the
 * same; the simulator keeps one register per device across simulations, so readings never go back.
 */
final class MeterRegister {
    private static final int SCALE = 6;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final double usualPerHour;
    private BigDecimal value;

    MeterRegister(String deviceId) {
        Random byDevice = new Random(deviceId.hashCode());
        this.value = BigDecimal.valueOf(1_000 + byDevice.nextInt(9_000)).setScale(SCALE, RoundingMode.UNNECESSARY);
        this.usualPerHour = 0.2 + byDevice.nextDouble() * 1.8;
    }

    /** The usual consumption over {@code interval}: what a spike is a multiple of. */
    double usualConsumption(Duration interval) {
        return usualPerHour * interval.toMillis() / MILLIS_PER_HOUR;
    }

    /** Advances the register by one interval's consumption, or by 50 to 100 times the usual one for a spike. */
    synchronized BigDecimal advance(Duration interval, boolean spike) {
        double factor = spike ? ThreadLocalRandom.current().nextDouble(50, 100) : ThreadLocalRandom.current().nextDouble(0.5, 1.5);
        value = value.add(BigDecimal.valueOf(usualConsumption(interval) * factor)).setScale(SCALE, RoundingMode.HALF_UP);
        return value;
    }
}
