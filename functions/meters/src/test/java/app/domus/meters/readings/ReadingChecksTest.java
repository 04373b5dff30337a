package app.domus.meters.readings;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.registry.MeterItem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReadingChecksTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = java.time.Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    private final MeterItem meter = meter("0");
    private final MeterStateItem state = MeterStateItem.fresh("m1");

    private static MeterItem meter(String start) {
        MeterItem m = new MeterItem();
        m.setId("m1");
        m.setType("ELECTRICITY");
        m.setStartReading(start);
        return m;
    }

    private ReadingChecks.Outcome read(String value, long at) {
        return ReadingChecks.check(meter, state, new BigDecimal(value), at, 10);
    }

    /** Readings one an hour rising by {@code step} from {@code from}, starting at hour {@code firstHour}. */
    private void steady(int count, double from, double step, int firstHour) {
        for (int i = 0; i < count; i++) {
            assertThat(read(String.valueOf(from + i * step), T0 + (firstHour + i) * HOUR).flags()).isEmpty();
        }
    }

    @Test
    void consumptionIsTheDifferenceFromThePreviousReadingOrTheStartReading() {
        assertThat(read("12.5", T0).consumption()).isEqualByComparingTo("12.5");
        assertThat(read("14.0", T0 + HOUR).consumption()).isEqualByComparingTo("1.5");
        assertThat(state.getLastValue()).isEqualTo("14.0");
    }

    @Test
    void aValueBelowThePreviousOneIsFlaggedAndDoesNotBecomeTheBaseline() {
        read("500", T0);
        ReadingChecks.Outcome down = read("480", T0 + HOUR);
        assertThat(down.flags()).containsExactly(ReadingChecks.BELOW_PREVIOUS);
        assertThat(down.consumption()).isNull();
        assertThat(state.getLastValue()).isEqualTo("500");
        assertThat(read("501", T0 + 2 * HOUR).consumption()).isEqualByComparingTo("1");
    }

    @Test
    void aRegisterRollingOverPastItsLastDigitIsNotABackwardStep() {
        read("99990", T0);
        ReadingChecks.Outcome rolled = read("15", T0 + HOUR);
        assertThat(rolled.flags()).isEmpty();
        assertThat(rolled.consumption()).isEqualByComparingTo("25");
    }

    @Test
    void aSpikeIsFlaggedOnlyOnceTheUsualRateIsKnownAndIsNotLearnt() {
        steady(6, 100, 1, 0);
        double usual = state.getRatePerHour();
        ReadingChecks.Outcome spike = read("180", T0 + 6 * HOUR);
        assertThat(spike.flags()).containsExactly(ReadingChecks.SPIKE);
        assertThat(state.getRatePerHour()).isEqualTo(usual);
        // The next normal reading is checked against the last good one, not the spike.
        assertThat(read("106", T0 + 7 * HOUR).flags()).isEmpty();
    }

    @Test
    void aFreshMeterWithoutHistoryHasNoSpikes() {
        read("100", T0);
        assertThat(read("180", T0 + HOUR).flags()).isEmpty();
    }

    @Test
    void aRegisterStuckAtOneValueIsFlaggedOnceAfterADayOfReadings() {
        int flagged = 0;
        for (int i = 0; i <= ReadingChecks.STUCK_AFTER + 3; i++) {
            if (read("42", T0 + i * HOUR / 4).flags().contains(ReadingChecks.STUCK)) flagged++;
        }
        assertThat(flagged).isEqualTo(1);
    }

    @Test
    void aLateReadingIsNeitherCheckedNorMovesTheState() {
        read("100", T0 + 2 * HOUR);
        ReadingChecks.Outcome late = read("50", T0 + HOUR);
        assertThat(late.late()).isTrue();
        assertThat(late.flags()).isEmpty();
        assertThat(state.getLastValue()).isEqualTo("100");
        assertThat(state.getLastAtMs()).isEqualTo(T0 + 2 * HOUR);
    }

    @Test
    void theFirstReadingOfANewDayFinishesThePreviousDay() {
        read("10", T0 + 1 * HOUR);
        read("14", T0 + 20 * HOUR);
        ReadingChecks.Outcome nextDay = read("15", T0 + 25 * HOUR);
        assertThat(nextDay.finishedDay()).isNotNull();
        assertThat(nextDay.finishedDay().getDate()).isEqualTo("2026-03-02");
        assertThat(nextDay.finishedDay().getSk()).isEqualTo("DAY#2026-03-02");
        // From the start reading (0) to the day's last reading.
        assertThat(nextDay.finishedDay().getConsumption()).isEqualTo("14");
        assertThat(state.getDayDate()).isEqualTo("2026-03-03");
        assertThat(state.getDayFirstValue()).isEqualTo("14");
    }
}
