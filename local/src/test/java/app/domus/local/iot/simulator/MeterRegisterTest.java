package app.domus.local.iot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeterRegisterTest {
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    @Test
    void risesByAPlausibleConsumptionEachIntervalAndFiftyToAHundredTimesThatInASpike() {
        MeterRegister register = new MeterRegister("dev-1");
        BigDecimal usual = BigDecimal.valueOf(register.usualConsumption(INTERVAL));
        assertThat(usual.doubleValue()).as("0.2 to 2 units an hour").isBetween(0.05, 0.5);

        BigDecimal before = register.advance(INTERVAL, false);
        for (int interval = 0; interval < 20; interval++) {
            BigDecimal after = register.advance(INTERVAL, false);
            assertThat(after.subtract(before)).isBetween(usual.multiply(new BigDecimal("0.49")), usual.multiply(new BigDecimal("1.51")));
            before = after;
        }
        BigDecimal spiked = register.advance(INTERVAL, true);
        assertThat(spiked.subtract(before)).isBetween(usual.multiply(new BigDecimal("49.9")), usual.multiply(new BigDecimal("100.1")));
    }

    @Test
    void aDeviceAlwaysStartsFromTheSameReading() {
        assertThat(new MeterRegister("dev-1").usualConsumption(INTERVAL)).isEqualTo(new MeterRegister("dev-1").usualConsumption(INTERVAL));
        assertThat(new MeterRegister("dev-1").advance(Duration.ZERO, false)).isEqualTo(new MeterRegister("dev-1").advance(Duration.ZERO, false));
    }
}
