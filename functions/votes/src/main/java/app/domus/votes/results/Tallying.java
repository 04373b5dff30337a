package app.domus.votes.results;

import app.domus.votes.ballots.BallotItem;
import app.domus.votes.vote.Fractions;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;

/** Counts a vote's ballots, each with the weight its unit had when the vote opened. */
public final class Tallying {
    private Tallying() {}

    public static Results count(VoteItem vote, List<BallotItem> ballots, Instant now) {
        Map<String, BigFraction> weights = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (VoteOption option : vote.getOptions()) {
            weights.put(option.getId(), BigFraction.ZERO);
            counts.put(option.getId(), 0);
        }
        BigFraction cast = BigFraction.ZERO;
        for (BallotItem ballot : ballots) {
            BigFraction weight = Fractions.read(ballot.getWeight());
            weights.merge(ballot.getOptionId(), weight, BigFraction::add);
            counts.merge(ballot.getOptionId(), 1, Integer::sum);
            cast = cast.add(weight);
        }
        BigFraction total = vote.getTotalWeight() == null ? BigFraction.ZERO : Fractions.read(vote.getTotalWeight());
        List<Results.Tally> tallies = new ArrayList<>();
        for (VoteOption option : vote.getOptions()) {
            BigFraction weight = weights.get(option.getId());
            tallies.add(new Results.Tally(option.getId(), option.getLabel(), counts.get(option.getId()),
                    Fractions.write(weight), Fractions.percent(weight, total)));
        }
        BigFraction quorum = Fractions.read(vote.getQuorum());
        boolean quorumReached = !total.isZero() && cast.compareTo(quorum.multiply(total)) >= 0;
        return new Results(vote.getId(), vote.statusAt(now), vote.weightingValue().wire(), Fractions.write(total), tallies,
                new Results.Participation(ballots.size(), vote.electorate().size(), Fractions.write(cast),
                        Fractions.percent(cast, total)),
                vote.getQuorum(), quorumReached);
    }
}
