package app.domus.votes.ballots;

/** A ballot with who cast it, for its caster and, in a vote that is not secret, for the building's owners and staff. */
public record BallotView(String unitId, String optionId, String weight, String castBy, String onBehalfOf, String castAt,
                         String changedAt) {
    public static BallotView of(BallotItem ballot) {
        return new BallotView(ballot.getUnitId(), ballot.getOptionId(), ballot.getWeight(), ballot.getCastBy(),
                ballot.getOnBehalfOf(), ballot.getCastAt(), ballot.getChangedAt());
    }
}
