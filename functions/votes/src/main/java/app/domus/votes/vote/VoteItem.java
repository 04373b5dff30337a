package app.domus.votes.vote;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An owners' vote: pk {@code VOTE#<id>}, sk {@code VOTE}; gsi1 {@code BUILDING#<buildingId>#VOTES} / id lists a
 * building's votes. While the scheduler has work to do for it, gsi2 holds it in a to-do partition sorted by the
 * time that work is due: {@code VOTES#SCHEDULED} / {@code <startsAt>#<id>} until it has opened (and announced
 * that), {@code VOTES#OPEN} / {@code <endDate>#<id>} until it has closed (and announced the result). Times are
 * whole-second UTC instants, so the sort keys order as the times do.
 *
 * <p>Status SCHEDULED → OPEN (the electorate is snapshotted: units, owners, weights) → CLOSED.
 */
public class VoteItem extends TableItem {
    public static final String SK = "VOTE";
    public static final String SCHEDULED = "SCHEDULED";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String DUE_TO_OPEN = "VOTES#SCHEDULED";
    public static final String DUE_TO_CLOSE = "VOTES#OPEN";

    private String id;
    private String organisationId;
    private String buildingId;
    private String title;
    private String description;
    private List<VoteOption> options;
    private String weighting;
    private String quorum;
    private Boolean allowBallotChanges;
    private Boolean secret;
    private String startsAt;
    private String endDate;
    private String status;
    private List<EligibleUnit> eligibleUnits;
    private String totalWeight;
    private String createdBy;
    private String createdAt;
    private String openedAt;
    private String closedAt;

    public static String pk(String id) { return "VOTE#" + id; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#VOTES"; }
    public static String topic(String id) { return "vote:" + id; }

    /** Puts the vote in the scheduler's to-do partition for its next transition, or takes it out (null). */
    public void dueIn(String partition, String at) {
        setGsi2pk(partition);
        setGsi2sk(partition == null ? null : at + "#" + id);
    }

    public Optional<VoteOption> option(String optionId) {
        return options.stream().filter(o -> o.getId().equals(optionId)).findFirst();
    }

    public Optional<EligibleUnit> eligible(String unitId) {
        return eligibleUnits == null ? Optional.empty()
                : eligibleUnits.stream().filter(u -> u.getUnitId().equals(unitId)).findFirst();
    }

    public List<EligibleUnit> electorate() {
        return eligibleUnits == null ? List.of() : eligibleUnits;
    }

    public boolean changesAllowed() { return Boolean.TRUE.equals(allowBallotChanges); }
    public boolean keepsBallotsSecret() { return Boolean.TRUE.equals(secret); }
    public Weighting weightingValue() { return Weighting.valueOf(weighting); }

    /** Accepting ballots now: opened by the scheduler (or at creation) and before its end. */
    public boolean acceptsBallotsAt(Instant now) {
        return OPEN.equals(status) && now.isBefore(Instant.parse(endDate));
    }

    /** What a reader is told: scheduled, open, or closed (from the end date on, before the scheduler's round too). */
    public String statusAt(Instant now) {
        String shown = CLOSED.equals(status) || !now.isBefore(Instant.parse(endDate)) ? CLOSED : status;
        return shown.toLowerCase(Locale.ROOT);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<VoteOption> getOptions() { return options; }
    public void setOptions(List<VoteOption> options) { this.options = options; }
    public String getWeighting() { return weighting; }
    public void setWeighting(String weighting) { this.weighting = weighting; }
    public String getQuorum() { return quorum; }
    public void setQuorum(String quorum) { this.quorum = quorum; }
    public Boolean getAllowBallotChanges() { return allowBallotChanges; }
    public void setAllowBallotChanges(Boolean allowBallotChanges) { this.allowBallotChanges = allowBallotChanges; }
    public Boolean getSecret() { return secret; }
    public void setSecret(Boolean secret) { this.secret = secret; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public List<EligibleUnit> getEligibleUnits() { return eligibleUnits; }
    public void setEligibleUnits(List<EligibleUnit> eligibleUnits) { this.eligibleUnits = eligibleUnits; }
    public String getTotalWeight() { return totalWeight; }
    public void setTotalWeight(String totalWeight) { this.totalWeight = totalWeight; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getOpenedAt() { return openedAt; }
    public void setOpenedAt(String openedAt) { this.openedAt = openedAt; }
    public String getClosedAt() { return closedAt; }
    public void setClosedAt(String closedAt) { this.closedAt = closedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<VoteItem> SCHEMA = ItemSchema.item(VoteItem.class, VoteItem::new)
            .text("id", VoteItem::getId, VoteItem::setId)
            .text("organisationId", VoteItem::getOrganisationId, VoteItem::setOrganisationId)
            .text("buildingId", VoteItem::getBuildingId, VoteItem::setBuildingId)
            .text("title", VoteItem::getTitle, VoteItem::setTitle)
            .text("description", VoteItem::getDescription, VoteItem::setDescription)
            .documents("options", VoteOption.class, VoteOption.SCHEMA, VoteItem::getOptions, VoteItem::setOptions)
            .text("weighting", VoteItem::getWeighting, VoteItem::setWeighting)
            .text("quorum", VoteItem::getQuorum, VoteItem::setQuorum)
            .attribute(Boolean.class, "allowBallotChanges", VoteItem::getAllowBallotChanges, VoteItem::setAllowBallotChanges)
            .attribute(Boolean.class, "secret", VoteItem::getSecret, VoteItem::setSecret)
            .text("startsAt", VoteItem::getStartsAt, VoteItem::setStartsAt)
            .text("endDate", VoteItem::getEndDate, VoteItem::setEndDate)
            .text("status", VoteItem::getStatus, VoteItem::setStatus)
            .documents("eligibleUnits", EligibleUnit.class, EligibleUnit.SCHEMA, VoteItem::getEligibleUnits, VoteItem::setEligibleUnits)
            .text("totalWeight", VoteItem::getTotalWeight, VoteItem::setTotalWeight)
            .text("createdBy", VoteItem::getCreatedBy, VoteItem::setCreatedBy)
            .text("createdAt", VoteItem::getCreatedAt, VoteItem::setCreatedAt)
            .text("openedAt", VoteItem::getOpenedAt, VoteItem::setOpenedAt)
            .text("closedAt", VoteItem::getClosedAt, VoteItem::setClosedAt)
            .build();
}
