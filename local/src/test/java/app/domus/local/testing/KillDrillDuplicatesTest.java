package app.domus.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which repeated e-mails the kill -9 drill puts down to the kill, and which it counts against the platform. */
class KillDrillDuplicatesTest {
    private static final Instant KILL = Instant.parse("2026-12-02T22:00:00Z");
    private static final Instant BEFORE = KILL.minusMillis(5);
    private static final Instant AFTER = KILL.plusSeconds(40);

    @Test
    void anUnrecordedCopyBeforeTheKillAndARecordedOneAfterItAreTheKillsWindow() {
        var duplicates = KillDrill.duplicates(List.of(List.of(copy("after", AFTER), copy("cut", BEFORE))), Set.of("after"), KILL);
        assertThat(duplicates.extra()).isEqualTo(1);
        assertThat(duplicates.repeatedAcrossTheKill()).isEqualTo(1);
    }

    @Test
    void oneCopyPerRecipientIsNoDuplicate() {
        var duplicates = KillDrill.duplicates(List.of(List.of(copy("a", BEFORE)), List.of(copy("b", AFTER))), Set.of("a", "b"), KILL);
        assertThat(duplicates.extra()).isZero();
        assertThat(duplicates.repeatedAcrossTheKill()).isZero();
    }

    @Test
    void copiesTheNotifierRecordedBothTimesAreAnUnexplainedDuplicate() {
        var duplicates = KillDrill.duplicates(List.of(List.of(copy("a", BEFORE), copy("b", AFTER))), Set.of("a", "b"), KILL);
        assertThat(duplicates.extra()).isEqualTo(1);
        assertThat(duplicates.repeatedAcrossTheKill()).isZero();
    }

    @Test
    void twoCopiesOnOneSideOfTheKillAreAnUnexplainedDuplicate() {
        // An SDK retry of an attempt that timed out after SES accepted it: both before the kill, the first unrecorded.
        var beforeKill = KillDrill.duplicates(List.of(List.of(copy("a", BEFORE.minusSeconds(3)), copy("b", BEFORE))), Set.of("b"), KILL);
        assertThat(beforeKill.repeatedAcrossTheKill()).isZero();
        var afterRestart = KillDrill.duplicates(List.of(List.of(copy("a", AFTER), copy("b", AFTER.plusSeconds(1)))), Set.of("b"), KILL);
        assertThat(afterRestart.extra()).isEqualTo(1);
        assertThat(afterRestart.repeatedAcrossTheKill()).isZero();
    }

    @Test
    void anUnrecordedRetryIsNotTheKillsWindowEither() {
        var duplicates = KillDrill.duplicates(List.of(List.of(copy("a", BEFORE), copy("b", AFTER))), Set.of(), KILL);
        assertThat(duplicates.repeatedAcrossTheKill()).isZero();
    }

    @Test
    void threeCopiesAreNeverExplainedByOneKill() {
        var duplicates = KillDrill.duplicates(List.of(List.of(copy("a", BEFORE), copy("b", AFTER), copy("c", AFTER.plusSeconds(2)))),
                Set.of("b", "c"), KILL);
        assertThat(duplicates.extra()).isEqualTo(2);
        assertThat(duplicates.repeatedAcrossTheKill()).isZero();
    }

    private static KillDrill.Copy copy(String id, Instant sentAt) {
        return new KillDrill.Copy(id, sentAt);
    }
}
