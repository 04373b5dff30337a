package app.domus.votes.results;

import java.math.BigDecimal;
import java.util.List;

/**
 * A vote's weighted tallies. Weights are exact fractions ({@code n/d}: shares of the building, or a count of units
 * for one-per-unit votes); percentages are of the electorate's total weight, rounded to two decimals. Nothing in
 * it says who voted what.
 *
 * @param quorum        the share of the total weight that must take part
 * @param quorumReached whether the weight of the ballots cast reaches the quorum
 */
public record Results(String voteId, String status, String weighting, String totalWeight, List<Tally> tallies,
                      Participation participation, String quorum, boolean quorumReached) {

    /** One option's ballots and their summed weight. */
    public record Tally(String optionId, String label, int ballots, String weight, BigDecimal percent) {}

    /** How much of the electorate has voted. */
    public record Participation(int ballots, int eligibleUnits, String weight, BigDecimal percent) {}
}
