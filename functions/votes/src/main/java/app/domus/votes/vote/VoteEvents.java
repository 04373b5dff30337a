package app.domus.votes.vote;

/**
 * The events of a vote's life, and their payloads. None carries who voted what: the events topic reaches every
 * consumer, and a secret vote must stay secret there too.
 */
public final class VoteEvents {
    public static final String VOTE_CREATED = "VoteCreated";
    public static final String VOTE_OPENED = "VoteOpened";
    public static final String BALLOT_CAST = "BallotCast";
    public static final String VOTE_CLOSED = "VoteClosed";

    private VoteEvents() {}

    /** {@code status} is {@code open} when the vote opened at creation, {@code scheduled} when it opens at {@code startsAt}. */
    public record VoteCreated(String voteId, String organisationId, String buildingId, String status, String startsAt,
                              String endDate) {}

    /** {@code status} is {@code open}: the vote's status after the change, as in every event of a vote's life. */
    public record VoteOpened(String voteId, String organisationId, String buildingId, String status, int eligibleUnits,
                             String endDate) {}

    /** {@code changed}: the unit's earlier ballot was replaced. */
    public record BallotCast(String voteId, String organisationId, String buildingId, String unitId, boolean changed) {}

    /** {@code status} is {@code closed}. */
    public record VoteClosed(String voteId, String organisationId, String buildingId, String status, String closedAt,
                             boolean quorumReached) {}

    /**
     * What every event of a vote says: which vote, and (for its life events) its status after the change. The
     * consumers that act on several of them read this.
     */
    public record VoteChange(String voteId, String status) {}
}
