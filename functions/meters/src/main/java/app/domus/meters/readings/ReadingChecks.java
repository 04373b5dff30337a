package app.domus.meters.readings;

import app.domus.meters.registry.MeterItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The plausibility of a meter's next reading against its kept state ({@link MeterStateItem}), for readings by hand and
 * from devices alike: a value below the previous one (unless the register rolled over: the previous value near a power
 * of ten and the new one just past zero), consumption far above the meter's usual rate (a spike, once the rate has been
 * learnt from a few readings), and a register stuck at one value for {@link #STUCK_AFTER} readings in a row. A reading
 * older than the newest one is stored by its time but not checked and does not move the state (it arrived late).
 * Plain arithmetic on decimals; the rate is a mean per hour weighted towards recent readings.
 */
public final class ReadingChecks {
    public static final String BELOW_PREVIOUS = "below_previous";
    public static final String SPIKE = "spike";
    public static final String STUCK = "stuck";
    /** A day of quarter-hourly readings without movement. */
    public static final int STUCK_AFTER = 96;
    /** Readings needed before a spike can be told from normal use. */
    static final int LEARNING_READINGS = 4;
    static final double RATE_WEIGHT = 0.2;

    private ReadingChecks() {}

    /** What the checks found, the consumption since the previous reading, the next state, and a finished day if any. */
    public record Outcome(List<String> flags, BigDecimal consumption, boolean late, DayItem finishedDay) {}

    /**
     * Checks {@code value} read at {@code atMs} and advances {@code state} (in place) unless the reading is late. A fresh
     * state starts from the meter's start reading at its installation.
     */
    public static Outcome check(MeterItem meter, MeterStateItem state, BigDecimal value, long atMs, double spikeFactor) {
        List<String> flags = new ArrayList<>();
        if (state.getLastAtMs() != null && atMs <= state.getLastAtMs()) return new Outcome(flags, null, true, null);
        BigDecimal previous = state.getLastValue() != null ? new BigDecimal(state.getLastValue())
                : meter.getStartReading() != null ? new BigDecimal(meter.getStartReading()) : null;
        BigDecimal consumption = null;
        boolean spike = false;
        if (previous != null) {
            BigDecimal delta = value.subtract(previous);
            if (delta.signum() < 0) {
                BigDecimal rollover = rolloverPoint(previous);
                if (rollover != null && value.compareTo(rollover.movePointLeft(1)) < 0) {
                    consumption = rollover.subtract(previous).add(value);
                } else {
                    flags.add(BELOW_PREVIOUS);
                }
            } else {
                consumption = delta;
            }
            if (consumption != null && state.getLastAtMs() != null) {
                double hours = Math.max((atMs - state.getLastAtMs()) / 3_600_000.0, 1.0 / 60);
                double rate = consumption.doubleValue() / hours;
                Double usual = state.getRatePerHour();
                int samples = state.getSamples() == null ? 0 : state.getSamples();
                if (usual != null && samples >= LEARNING_READINGS && usual > 0 && rate > spikeFactor * usual) {
                    flags.add(SPIKE);
                    spike = true;
                } else {
                    // A spike is not folded into what is usual.
                    state.setRatePerHour(usual == null ? rate : RATE_WEIGHT * rate + (1 - RATE_WEIGHT) * usual);
                    state.setSamples(samples + 1);
                }
            }
            int same = consumption != null && consumption.signum() == 0 ? (state.getSameValueCount() == null ? 0 : state.getSameValueCount()) + 1 : 0;
            state.setSameValueCount(same);
            if (same == STUCK_AFTER) flags.add(STUCK);
        }
        DayItem finished = null;
        String day = Instant.ofEpochMilli(atMs).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (state.getDayDate() != null && !state.getDayDate().equals(day) && state.getLastValue() != null) {
            finished = new DayItem();
            finished.setPk(ReadingItem.pk(meter.getId()));
            finished.setSk(DayItem.sk(state.getDayDate()));
            finished.setMeterId(meter.getId());
            finished.setDate(state.getDayDate());
            finished.setFirstValue(state.getDayFirstValue());
            finished.setLastValue(state.getLastValue());
            if (state.getDayFirstValue() != null) {
                BigDecimal used = new BigDecimal(state.getLastValue()).subtract(new BigDecimal(state.getDayFirstValue()));
                finished.setConsumption(used.signum() < 0 ? null : used.toPlainString());
            }
        }
        if (state.getDayDate() == null || !state.getDayDate().equals(day)) {
            state.setDayDate(day);
            // A day's use runs from the last reading before it, so that the days add up to the whole.
            state.setDayFirstValue(previous != null ? previous.toPlainString() : value.toPlainString());
        }
        // An implausible value does not become the baseline: the next reading is checked against the last good one.
        if (!flags.contains(BELOW_PREVIOUS) && !spike) {
            state.setLastValue(value.toPlainString());
            state.setLastAtMs(atMs);
        }
        return new Outcome(flags, consumption, false, finished);
    }

    /** The power of ten a register showing {@code value} rolls over at, when it is close to it (within 10 %). */
    static BigDecimal rolloverPoint(BigDecimal value) {
        if (value.signum() <= 0) return null;
        int digits = value.precision() - value.scale();
        BigDecimal point = BigDecimal.TEN.pow(Math.max(digits, 1), MathContext.UNLIMITED);
        return value.compareTo(point.multiply(new BigDecimal("0.9"))) >= 0 ? point : null;
    }
}
