package app.domus.votes.lifecycle;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.votes.results.Results;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.Electorate;
import app.domus.votes.vote.EligibleUnit;
import app.domus.votes.vote.Fractions;
import app.domus.votes.vote.VoteEvents;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Tells owners about a vote, each by their own channels for votes (push, e-mail, ...):
 *
 * <ul>
 *   <li>created and open at once: its electorate's owners, that they may vote now ({@code vote-open});</li>
 *   <li>created to open later: the building's owners of today, when it opens and ends ({@code vote-announced});</li>
 *   <li>opened on schedule: its electorate's owners ({@code vote-open});</li>
 *   <li>closed: its electorate's owners, with the result ({@code vote-closed}).</li>
 * </ul>
 * Each owner hears about each step of a vote once: the notifier delivers one request id once, and the ids are
 * made of the step, the vote and the owner.
 */
@Singleton
public class VoteNotifier {
    private final VoteService votes;
    private final Electorate electorate;
    private final ResultsService results;
    private final DomusTable table;
    private final NotificationSender notifications;

    @Inject
    public VoteNotifier(VoteService votes, Electorate electorate, ResultsService results, DomusTable table,
                        NotificationSender notifications) {
        this.votes = votes;
        this.electorate = electorate;
        this.results = results;
        this.table = table;
        this.notifications = notifications;
    }

    /** On a vote's life event: announced when created for later, opened (at creation or on schedule), closed. */
    public void on(VoteEvents.VoteChange event) {
        if (event.voteId() == null) throw new IllegalArgumentException("The event names no vote");
        VoteItem vote = votes.get(event.voteId());
        switch (String.valueOf(event.status())) {
            case "scheduled" -> announce(vote);
            case "open" -> opened(vote);
            case "closed" -> closed(vote);
            default -> throw new IllegalArgumentException("A vote's event with status " + event.status());
        }
    }

    private void announce(VoteItem vote) {
        send(electorate.currentOwners(vote.getBuildingId()), "vote-announced", vote, Map.of(
                "startsAt", vote.getStartsAt(), "endDate", vote.getEndDate()));
    }

    private void opened(VoteItem vote) {
        send(owners(vote), "vote-open", vote, Map.of("endDate", vote.getEndDate()));
    }

    private void closed(VoteItem vote) {
        Results counted = results.of(vote);
        String tallies = counted.tallies().stream()
                .map(t -> t.label() + ": " + t.percent() + " % (" + t.ballots() + (t.ballots() == 1 ? " ballot)" : " ballots)"))
                .collect(Collectors.joining("\n"));
        String participation = counted.participation().ballots() + " of " + counted.participation().eligibleUnits()
                + " units, " + counted.participation().percent() + " % of the weight";
        send(owners(vote), "vote-closed", vote, Map.of(
                "results", tallies,
                "participation", participation,
                "quorum", Fractions.percent(Fractions.read(vote.getQuorum()), BigFraction.ONE) + " %",
                "quorumOutcome", counted.quorumReached() ? "reached" : "not reached"));
    }

    private static Collection<String> owners(VoteItem vote) {
        TreeSet<String> owners = new TreeSet<>();
        for (EligibleUnit unit : vote.electorate()) owners.addAll(unit.getOwnerIds());
        return owners;
    }

    private void send(Collection<String> owners, String template, VoteItem vote, Map<String, String> details) {
        String building = table.get(BuildingItem.class, BuildingItem.pk(vote.getBuildingId()), "PROFILE")
                .map(BuildingItem::getName).orElse("your building");
        Map<String, String> data = new HashMap<>(details);
        data.put("voteId", vote.getId());
        data.put("title", vote.getTitle());
        data.put("building", building);
        for (String owner : owners) {
            notifications.send(new NotificationRequest(template + "-" + vote.getId() + "-" + owner, owner, null,
                    Category.VOTES, template, Map.copyOf(data)));
        }
    }
}
