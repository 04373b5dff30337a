package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The messages of owner votes, with the data the votes functions send. */
class VoteTemplatesTest {
    private static final Map<String, String> VOTE = Map.of("voteId", "VOTE1", "title", "New roof", "building", "Linden Court");

    private static Map<String, String> with(Map<String, String> more) {
        Map<String, String> data = new HashMap<>(VOTE);
        data.putAll(more);
        return data;
    }

    @Test
    void aComingVoteIsAnnouncedWithItsTimes() {
        Templates.Message message = Templates.render("vote-announced",
                with(Map.of("startsAt", "2026-03-03T09:00:00Z", "endDate", "2026-03-09T18:00:00Z")));

        assertThat(message.subject()).isEqualTo("Coming vote: New roof");
        assertThat(message.body()).startsWith("The owners of Linden Court will vote on \"New roof\" from 2026-03-03T09:00:00Z"
                + " until 2026-03-09T18:00:00Z.");
    }

    @Test
    void anOpenVoteAsksForBallots() {
        Templates.Message message = Templates.render("vote-open", with(Map.of("endDate", "2026-03-09T18:00:00Z")));

        assertThat(message.subject()).isEqualTo("Vote now: New roof");
        assertThat(message.body()).contains("open for the owners of Linden Court until 2026-03-09T18:00:00Z");
    }

    @Test
    void aClosedVoteTellsTheResult() {
        Templates.Message message = Templates.render("vote-closed", with(Map.of(
                "results", "Yes: 62.50 % (2 ballots)\nNo: 12.50 % (1 ballot)",
                "participation", "3 of 4 units, 75.00 % of the weight",
                "quorum", "50.00 %",
                "quorumOutcome", "reached")));

        assertThat(message.subject()).isEqualTo("Vote result: New roof");
        assertThat(message.body()).isEqualTo("Voting on \"New roof\" for the owners of Linden Court has closed.\n\n"
                + "Yes: 62.50 % (2 ballots)\nNo: 12.50 % (1 ballot)\n\n"
                + "Participation: 3 of 4 units, 75.00 % of the weight. The quorum of 50.00 % of the weight was reached.");
    }

    @Test
    void aVoteMessageMissingItsDataFails() {
        assertThatThrownBy(() -> Templates.render("vote-closed", VOTE)).hasMessageContaining("results");
        assertThatThrownBy(() -> Templates.render("vote-open", VOTE)).hasMessageContaining("endDate");
    }
}
