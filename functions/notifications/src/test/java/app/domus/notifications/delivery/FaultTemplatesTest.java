package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates the faults context sends, rendered with the data it sends them. */
class FaultTemplatesTest {
    private static final Map<String, String> DATA = Map.of("title", "Leaking pipe", "building", "Linden House",
            "category", "plumbing", "assignee", "Piet Plumber", "resolution", "Replaced the valve");

    @Test
    void theManagerHearsOfANewFaultAndWhoHasIt() {
        assertThat(Templates.render("fault-reported", DATA)).isEqualTo(new Templates.Message("New fault: Leaking pipe",
                "A fault was reported in Linden House: Leaking pipe (plumbing).\n\nIt was assigned to Piet Plumber."));
        assertThat(Templates.render("fault-unassigned", DATA)).satisfies(m -> {
            assertThat(m.subject()).isEqualTo("New fault needs a technician: Leaking pipe");
            assertThat(m.body()).startsWith("A fault was reported in Linden House: Leaking pipe (plumbing).").endsWith("please assign it.");
        });
    }

    @Test
    void theTechnicianHearsOfTheAssignmentAndTheReporterOfTheResolution() {
        assertThat(Templates.render("fault-assigned", DATA)).isEqualTo(new Templates.Message("Fault assigned to you: Leaking pipe",
                "You have been assigned a fault in Linden House: Leaking pipe (plumbing)."));
        assertThat(Templates.render("fault-resolved", DATA)).isEqualTo(new Templates.Message(
                "Your fault report was resolved: Leaking pipe",
                "The fault you reported in Linden House was resolved:\n\nReplaced the valve"));
    }

    @Test
    void aMissingValueFailsRatherThanSendingHalfAMessage() {
        assertThatThrownBy(() -> Templates.render("fault-resolved", Map.of("title", "Leak", "building", "Linden House")))
                .hasMessageContaining("resolution");
        assertThatThrownBy(() -> Templates.render("fault-reported", Map.of("title", "Leak", "building", "Linden House",
                "category", "plumbing"))).hasMessageContaining("assignee");
    }
}
