package app.domus.votes.vote;

import app.domus.votes.ballots.YourBallot;
import java.time.Instant;
import java.util.List;

/**
 * A vote as clients see it. {@code yourBallots} (on a single vote only) holds the ballots of the units the reader
 * votes for, so that a voter sees their own choice, even in a secret vote.
 */
public record VoteView(String voteId, String buildingId, String title, String description, List<OptionView> options,
                       SettingsView settings, String status, String startsAt, String endDate, Integer eligibleUnits,
                       String totalWeight, String createdBy, String createdAt, String openedAt, String closedAt,
                       List<YourBallot> yourBallots) {

    public record OptionView(String id, String label) {}

    public record SettingsView(String weighting, String quorum, boolean allowBallotChanges, boolean secret) {}

    public static VoteView of(VoteItem vote, Instant now, List<YourBallot> yourBallots) {
        return new VoteView(vote.getId(), vote.getBuildingId(), vote.getTitle(), vote.getDescription(),
                vote.getOptions().stream().map(o -> new OptionView(o.getId(), o.getLabel())).toList(),
                new SettingsView(vote.weightingValue().wire(), vote.getQuorum(), vote.changesAllowed(), vote.keepsBallotsSecret()),
                vote.statusAt(now), vote.getStartsAt(), vote.getEndDate(),
                vote.getEligibleUnits() == null ? null : vote.getEligibleUnits().size(), vote.getTotalWeight(),
                vote.getCreatedBy(), vote.getCreatedAt(), vote.getOpenedAt(), vote.getClosedAt(), yourBallots);
    }
}
