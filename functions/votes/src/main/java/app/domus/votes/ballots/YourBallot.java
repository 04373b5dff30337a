package app.domus.votes.ballots;

/**
 * The ballot of a unit the reader votes for: what was chosen, not by whom (in a secret vote the unit's co-owners
 * and delegates share the ballot, not each other's names).
 */
public record YourBallot(String unitId, String optionId, String weight, String castAt, String changedAt) {
    public static YourBallot of(BallotItem ballot) {
        return new YourBallot(ballot.getUnitId(), ballot.getOptionId(), ballot.getWeight(), ballot.getCastAt(),
                ballot.getChangedAt());
    }
}
