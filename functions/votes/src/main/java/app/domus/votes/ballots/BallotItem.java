package app.domus.votes.ballots;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A unit's one ballot in a vote: pk {@code VOTE#<voteId>}, sk {@code BALLOT#<unitId>}. The key is the unit, so a
 * second ballot for the unit cannot be written beside the first (the put requires that none exists); where the
 * vote allows changes, a change is a versioned update of the same item. The weight is the unit's, fixed when the
 * vote opened.
 */
public class BallotItem extends TableItem {
    public static final String SK_PREFIX = "BALLOT#";

    private String voteId;
    private String unitId;
    private String optionId;
    private String weight;
    private String castBy;
    private String onBehalfOf;
    private String delegationId;
    private String castAt;
    private String changedAt;

    public static String sk(String unitId) { return SK_PREFIX + unitId; }

    public String getVoteId() { return voteId; }
    public void setVoteId(String voteId) { this.voteId = voteId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOptionId() { return optionId; }
    public void setOptionId(String optionId) { this.optionId = optionId; }
    public String getWeight() { return weight; }
    public void setWeight(String weight) { this.weight = weight; }
    /** The user who cast it: an owner of the unit or their delegate. */
    public String getCastBy() { return castBy; }
    public void setCastBy(String castBy) { this.castBy = castBy; }
    /** The owner whose right was exercised. */
    public String getOnBehalfOf() { return onBehalfOf; }
    public void setOnBehalfOf(String onBehalfOf) { this.onBehalfOf = onBehalfOf; }
    public String getDelegationId() { return delegationId; }
    public void setDelegationId(String delegationId) { this.delegationId = delegationId; }
    public String getCastAt() { return castAt; }
    public void setCastAt(String castAt) { this.castAt = castAt; }
    public String getChangedAt() { return changedAt; }
    public void setChangedAt(String changedAt) { this.changedAt = changedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BallotItem> SCHEMA = ItemSchema.item(BallotItem.class, BallotItem::new)
            .text("voteId", BallotItem::getVoteId, BallotItem::setVoteId)
            .text("unitId", BallotItem::getUnitId, BallotItem::setUnitId)
            .text("optionId", BallotItem::getOptionId, BallotItem::setOptionId)
            .text("weight", BallotItem::getWeight, BallotItem::setWeight)
            .text("castBy", BallotItem::getCastBy, BallotItem::setCastBy)
            .text("onBehalfOf", BallotItem::getOnBehalfOf, BallotItem::setOnBehalfOf)
            .text("delegationId", BallotItem::getDelegationId, BallotItem::setDelegationId)
            .text("castAt", BallotItem::getCastAt, BallotItem::setCastAt)
            .text("changedAt", BallotItem::getChangedAt, BallotItem::setChangedAt)
            .build();
}
