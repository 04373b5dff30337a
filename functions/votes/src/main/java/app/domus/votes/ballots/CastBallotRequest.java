package app.domus.votes.ballots;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /votes/{voteId}/ballots}; {@code unitId} may be left out by a caller who votes for one unit only. */
public record CastBallotRequest(String optionId, String unitId) implements Validated {
    @Override
    public void validate(Validator v) {
        v.id("optionId", optionId, true);
        v.id("unitId", unitId, false);
    }
}
