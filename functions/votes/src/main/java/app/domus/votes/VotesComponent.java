package app.domus.votes;

import app.domus.shared.live.LiveUpdatesModule;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.votes.ballots.BallotService;
import app.domus.votes.lifecycle.VoteNotifier;
import app.domus.votes.lifecycle.VoteScheduler;
import app.domus.votes.live.LiveTally;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteService;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wiring of the votes functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, LiveUpdatesModule.class})
public interface VotesComponent {
    AccessService access();

    VoteAccess voteAccess();

    VoteService votes();

    BallotService ballots();

    ResultsService results();

    VoteScheduler scheduler();

    VoteNotifier notifier();

    LiveTally liveTally();

    IdempotencyStore idempotency();

    Clock clock();

    static VotesComponent create() {
        return DaggerVotesComponent.create();
    }
}
