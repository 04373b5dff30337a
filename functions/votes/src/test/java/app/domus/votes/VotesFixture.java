package app.domus.votes;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.MutableClock;
import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import app.domus.votes.ballots.BallotService;
import app.domus.votes.ballots.CastBallotRequest;
import app.domus.votes.results.ResultsService;
import app.domus.votes.lifecycle.VoteNotifier;
import app.domus.votes.lifecycle.VoteScheduler;
import app.domus.votes.vote.CreateVoteRequest;
import app.domus.votes.vote.Electorate;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fresh tables in DynamoDB Local, the votes services on a test clock with recording event and notification
 * senders, and a building whose shares add up to one:
 *
 * <ul>
 *   <li>unit 1: {@code owner1}, 1/4 (and {@code delegate}, no member of the organisation, holds owner1's vote right);</li>
 *   <li>unit 2: {@code coOwnerA} and {@code coOwnerB}, 1/8 each, so 1/4 for the unit;</li>
 *   <li>unit 3: {@code owner3}, 3/8, who also owns unit 5: 1/8;</li>
 *   <li>unit 4: no owner, rented to {@code tenant}.</li>
 * </ul>
 * Building A1 also has a manager and a technician; organisation A an admin and building A2 with its own manager;
 * organisation B's admin is the outsider.
 */
public final class VotesFixture {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String END = "2026-03-09T18:00:00Z";

    public final MutableClock clock = new MutableClock(START);
    public final PlatformConfig config = TestPlatform.config();
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), config);
    public final AccessService access = new AccessService(table, clock);
    public final RecordingEvents events = new RecordingEvents(clock);
    public final RecordingNotifications notifications = new RecordingNotifications(config);
    public final IdempotencyStore idempotency = new IdempotencyStore(LocalDynamo.client(), config, clock);
    public final Electorate electorate = new Electorate(table);
    public final VoteService votes = new VoteService(table, electorate, events, clock);
    public final VoteAccess voteAccess = new VoteAccess(access, votes, table, clock);
    public final BallotService ballots = new BallotService(table, events, clock);
    public final ResultsService results = new ResultsService(ballots, clock);
    public final VoteScheduler scheduler = new VoteScheduler(table, votes, electorate, results, events, clock);
    public final VoteNotifier notifier = new VoteNotifier(votes, electorate, results, table, notifications);

    public final String orgA = Ids.newId();
    public final String orgB = Ids.newId();
    public final BuildingItem buildingA1 = building(orgA, "Linden Court");
    public final BuildingItem buildingA2 = building(orgA, "Birch House");
    public final BuildingItem buildingB1 = building(orgB, "Elsewhere");
    public final UnitItem unit1 = unit(buildingA1, "1");
    public final UnitItem unit2 = unit(buildingA1, "2");
    public final UnitItem unit3 = unit(buildingA1, "3");
    public final UnitItem unit4 = unit(buildingA1, "4");
    public final UnitItem unit5 = unit(buildingA1, "5");
    public final UnitItem unitB = unit(buildingB1, "1");

    public final String admin = user("Ada Admin");
    public final String manager = user("Mona Manager");
    public final String managerOfA2 = user("Max Manager");
    public final String technician = user("Theo Technician");
    public final String tenant = user("Tom Tenant");
    public final String owner1 = user("Olga Owner");
    public final String coOwnerA = user("Carl Co-owner");
    public final String coOwnerB = user("Cora Co-owner");
    public final String owner3 = user("Otto Owner");
    public final String delegate = user("Dana Delegate");
    public final String outsider = user("Oscar Outsider");

    public VotesFixture() {
        member(admin, orgA, Role.ORG_ADMIN, null, null);
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        member(technician, orgA, Role.TECHNICIAN, buildingA1.getId(), null);
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), unit4.getId());
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
        own(owner1, unit1, 1, 4);
        own(coOwnerA, unit2, 1, 8);
        own(coOwnerB, unit2, 1, 8);
        own(owner3, unit3, 3, 8);
        own(owner3, unit5, 1, 8);
        delegate(owner1, delegate, unit1, Set.of(DelegatedRight.VOTE.name()));
    }

    public static Caller caller(String userId) {
        return new Caller(userId, userId + "@example.test", "session");
    }

    public String user(String name) {
        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setDisplayName(name);
        user.setEmail(user.getId().toLowerCase() + "@example.test");
        table.of(UserItem.class).putItem(user);
        return user.getId();
    }

    public void member(String userId, String orgId, Role role, String buildingId, String unitId) {
        table.of(MembershipItem.class).putItem(MembershipItem.of(userId, orgId, role, buildingId, unitId, START.toString()));
    }

    /** Records the owner's share of the unit's building, and makes them an owner member of the unit. */
    public void own(String ownerId, UnitItem unit, long numerator, long denominator) {
        OwnershipItem ownership = new OwnershipItem();
        ownership.setPk(UnitItem.pk(unit.getId()));
        ownership.setSk(OwnershipItem.sk(ownerId));
        ownership.setGsi1pk(OwnershipItem.byOwner(ownerId));
        ownership.setGsi1sk(unit.getId());
        ownership.setGsi2pk(OwnershipItem.byBuilding(unit.getBuildingId()));
        ownership.setGsi2sk(unit.getId() + "#" + ownerId);
        ownership.setOrganisationId(unit.getOrganisationId());
        ownership.setBuildingId(unit.getBuildingId());
        ownership.setUnitId(unit.getId());
        ownership.setOwnerId(ownerId);
        ownership.setShareNumerator(numerator);
        ownership.setShareDenominator(denominator);
        ownership.setCreatedAt(START.toString());
        table.of(OwnershipItem.class).putItem(ownership);
        member(ownerId, unit.getOrganisationId(), Role.OWNER, unit.getBuildingId(), unit.getId());
    }

    public DelegationItem delegate(String ownerId, String delegateId, UnitItem unit, Set<String> rights) {
        DelegationItem d = new DelegationItem();
        d.setId(Ids.newId());
        d.setPk(DelegationItem.pk(d.getId()));
        d.setSk(DelegationItem.SK);
        d.setGsi1pk(DelegationItem.receivedBy(delegateId));
        d.setGsi1sk(DelegationItem.forUnit(unit.getId()) + d.getId());
        d.setGsi2pk(DelegationItem.givenBy(ownerId));
        d.setGsi2sk(d.getId());
        d.setOrganisationId(unit.getOrganisationId());
        d.setBuildingId(unit.getBuildingId());
        d.setUnitId(unit.getId());
        d.setOwnerId(ownerId);
        d.setDelegateId(delegateId);
        d.setRights(rights);
        d.setStatus(DelegationItem.ACCEPTED);
        d.setCreatedAt(START.toString());
        table.of(DelegationItem.class).putItem(d);
        return d;
    }

    private BuildingItem building(String orgId, String name) {
        BuildingItem building = BuildingItem.of(Ids.newId(), orgId, name, START.toString());
        table.of(BuildingItem.class).putItem(building);
        return building;
    }

    private UnitItem unit(BuildingItem building, String number) {
        UnitItem unit = UnitItem.of(Ids.newId(), building, number, START.toString());
        table.of(UnitItem.class).putItem(unit);
        return unit;
    }

    // ------------------------------------------------------------ votes

    /** A request body for a vote of building A1 ending at {@link #END}; {@code settings} is the settings object's JSON. */
    public String voteBody(String settings, String startsAt) {
        return "{\"buildingId\":\"" + buildingA1.getId() + "\",\"title\":\"New roof\",\"description\":\"Replace the roof in May\","
                + "\"options\":[{\"label\":\"Yes\"},{\"label\":\"No\"},{\"label\":\"Abstain\"}],"
                + "\"settings\":" + settings + (startsAt == null ? "" : ",\"startsAt\":\"" + startsAt + "\"")
                + ",\"endDate\":\"" + END + "\"}";
    }

    public static String settings(String weighting, String quorum, boolean changes, boolean secret) {
        return "{\"weighting\":\"" + weighting + "\",\"quorum\":\"" + quorum + "\",\"allowBallotChanges\":" + changes
                + ",\"secret\":" + secret + "}";
    }

    /** An open vote of building A1, created by its manager. */
    public VoteItem openVote(String weighting, String quorum, boolean changes, boolean secret) {
        return create(settings(weighting, quorum, changes, secret), null);
    }

    public VoteItem create(String settings, String startsAt) {
        VoteItem vote = votes.create(buildingA1, caller(manager), Json.read(voteBody(settings, startsAt), CreateVoteRequest.class));
        events.published.clear();
        return vote;
    }

    public BallotService.Cast cast(String userId, VoteItem vote, String optionId, String unitId) {
        VoteItem current = votes.get(vote.getId());
        var act = voteAccess.ballotRight(caller(userId), current, unitId);
        return ballots.cast(caller(userId), current, act, new CastBallotRequest(optionId, unitId), Optional.empty());
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    // ------------------------------------------------------------ calling handlers

    /** Every item in the table: what a refused request must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(config.tableName())).count();
    }

    public static APIGatewayV2HTTPResponse call(HttpHandler handler, HttpEvents request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.tree(response.getBody());
    }

    /** Asserts an RFC 9457 problem of this status and type slug, and returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        return app.domus.shared.testing.Responses.assertProblem(response, status, type);
    }

    public static List<String> fieldErrors(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** Asserts the request is refused with this problem and that nothing was written or published. */
    public void assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        int published = events.published.size();
        assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(events.published).hasSize(published);
    }

    /** A JSON string longer than any body an endpoint accepts (64 KiB). */
    public static String oversizeText() {
        return "a".repeat(70 * 1024);
    }
}
