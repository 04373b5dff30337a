package app.domus.tenancy.ownerships;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.tenancy.TenancyFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipHandlersTest {
    private final TenancyFixture f = new TenancyFixture();
    private final RecordOwnershipHandler record = new RecordOwnershipHandler(f.idempotency, f.access, f.ownerships);
    private final ListOwnershipsHandler list = new ListOwnershipsHandler(f.access, f.ownerships);

    private HttpEvents post(String unitId, String body) {
        return HttpEvents.request("POST", "/units/" + unitId + "/ownerships").pathParam("unitId", unitId).body(body);
    }

    private HttpEvents listOf(String buildingId) {
        return HttpEvents.request("GET", "/buildings/" + buildingId + "/ownerships").pathParam("buildingId", buildingId);
    }

    private static String body(String ownerId, String share) {
        return "{\"ownerId\":\"" + ownerId + "\",\"share\":\"" + share + "\"}";
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstOwnershipBack() {
        String buyer = f.user("Kim Keyed");
        IdempotentCreates.assertKeyedCreate(record, () -> post(f.unitA12.getId(), body(buyer, "1/4")).as(f.manager),
                () -> post(f.unitA12.getId(), body(buyer, "1/5")).as(f.manager), f.events, "OwnershipRecorded");
    }

    @Test
    void managerRecordsAShareWhichMakesTheOwnerAMemberOfTheUnit() {
        String buyer = f.user("Bea Buyer");
        var response = call(record, post(f.unitA12.getId(), body(buyer, "250/1000")).as(f.manager));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode created = json(response);
        assertThat(created.path("share").asText()).isEqualTo("250/1000");
        assertThat(created.path("buildingTotal").asText()).isEqualTo("1/4");
        OwnershipItem stored = f.table.get(OwnershipItem.class, UnitItem.pk(f.unitA12.getId()), OwnershipItem.sk(buyer)).orElseThrow();
        assertThat(stored.getShareNumerator()).isEqualTo(250L);
        assertThat(stored.getShareDenominator()).isEqualTo(1000L);
        assertThat(stored.getBuildingId()).isEqualTo(f.buildingA1.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(stored.getCreatedAt()).isEqualTo(f.clock.instant().toString());
        // The owner's index: what the owner's units are read from.
        assertThat(stored.getGsi1pk()).isEqualTo(OwnershipItem.byOwner(buyer));
        assertThat(stored.getGsi1sk()).isEqualTo(f.unitA12.getId());
        assertThat(f.access.memberships(buyer, f.orgA)).singleElement().satisfies(m -> {
            assertThat(m.roleValue()).isEqualTo(Role.OWNER);
            assertThat(m.getUnitId()).isEqualTo(f.unitA12.getId());
            assertThat(m.getBuildingId()).isEqualTo(f.buildingA1.getId());
        });
        assertThat(f.events.ofType("OwnershipRecorded")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("ownerId").asText()).isEqualTo(buyer);
            assertThat(e.payload().path("share").asText()).isEqualTo("250/1000");
        });
    }

    @Test
    void existingOwnerMembershipIsKept() {
        MembershipItem before = f.access.memberships(f.owner, f.orgA).getFirst();
        call(record, post(f.unitA11.getId(), body(f.owner, "1/2")).as(f.admin));

        assertThat(f.access.memberships(f.owner, f.orgA)).singleElement()
                .satisfies(m -> assertThat(m.getVersion()).isEqualTo(before.getVersion()));
    }

    @Test
    void sharesOfABuildingMayAddUpToExactlyOneButNotMore() {
        String second = f.user("Second");
        String third = f.user("Third");
        assertThat(call(record, post(f.unitA11.getId(), body(f.owner, "1/3")).as(f.admin)).getStatusCode()).isEqualTo(201);
        assertThat(call(record, post(f.unitA12.getId(), body(second, "2/3")).as(f.admin)).getStatusCode()).isEqualTo(201);

        f.assertRefusedUnchanged(record, post(f.unitA12.getId(), body(third, "1/1000000")).as(f.admin), 409, "conflict");
        assertThat(f.table.get(OwnershipLedgerItem.class, BuildingItem.pk(f.buildingA1.getId()), OwnershipLedgerItem.SK)
                .orElseThrow().getTotal()).isEqualTo("1/1");
    }

    @Test
    void concurrentRecordsCannotTogetherExceedOne() {
        List<String> buyers = IntStream.range(0, 4).mapToObj(i -> f.user("Buyer " + i)).toList();
        List<Integer> statuses;
        try (ExecutorService threads = Executors.newFixedThreadPool(buyers.size())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> racing = buyers.stream().map(buyer -> threads.submit(() -> {
                start.await();
                return call(record, post(f.unitA12.getId(), body(buyer, "1/2")).as(f.admin)).getStatusCode();
            })).toList();
            start.countDown();
            statuses = racing.stream().map(OwnershipHandlersTest::join).toList();
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSizeLessThanOrEqualTo(2);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        List<OwnershipItem> stored = f.table.allInIndex(OwnershipItem.class, "gsi2", OwnershipItem.byBuilding(f.buildingA1.getId()));
        assertThat(stored).hasSize((int) statuses.stream().filter(s -> s == 201).count());
        String total = f.table.get(OwnershipLedgerItem.class, BuildingItem.pk(f.buildingA1.getId()), OwnershipLedgerItem.SK)
                .orElseThrow().getTotal();
        assertThat(total).isEqualTo(stored.size() == 2 ? "1/1" : "1/2");
    }

    private static int join(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameOwnerCannotBeRecordedTwiceForAUnit() {
        call(record, post(f.unitA11.getId(), body(f.owner, "1/10")).as(f.admin));

        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), body(f.owner, "1/10")).as(f.admin), 409, "conflict");
    }

    @Test
    void ownerMustBeARegisteredUser() {
        var problem = assertProblem(call(record, post(f.unitA11.getId(), body("NOSUCHUSER", "1/10")).as(f.admin)),
                400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("ownerId");
    }

    @Test
    void recordingIsRefusedToManagersOfOtherBuildingsResidentsTechniciansOutsidersAndAnonymousCallers() {
        String buyer = f.user("Buyer");
        String valid = body(buyer, "1/10");
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), valid).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), valid).as(f.owner), 403, "forbidden");
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), valid).as(f.technician), 403, "forbidden");
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), valid).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), valid), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"ownerId\":", 400, "malformed-json"),
                Arguments.of("{\"ownerId\":\"OWNER\",\"share\":0.5}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":[],\"share\":\"1/2\"}", 400, "validation-error"),
                Arguments.of("{\"share\":\"1/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWNER\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWNER\",\"share\":\"3/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWNER\",\"share\":\"0/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWNER\",\"share\":\"1/0\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWNER\",\"share\":\"-1/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"<script>\",\"share\":\"1/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"OWN\\u0000ER\",\"share\":\"1/2\"}", 400, "validation-error"),
                Arguments.of("{\"ownerId\":\"" + TenancyFixture.oversizeText() + "\",\"share\":\"1/2\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(record, post(f.unitA11.getId(), body.replace("OWNER", f.owner)).as(f.admin), status, type);
    }

    @Test
    void ownersManagersAndAdminsSeeEveryShareAndTheTotal() {
        String second = f.user("Second");
        f.ownerships.record(f.unitA11, new RecordOwnershipRequest(f.owner, "1/4"));
        f.ownerships.record(f.unitA12, new RecordOwnershipRequest(second, "1/2"));

        for (String reader : List.of(f.owner, f.manager, f.admin)) {
            List<String> shares = new ArrayList<>();
            String cursor = null;
            JsonNode page;
            do {
                HttpEvents request = listOf(f.buildingA1.getId()).query("limit", "1").as(reader);
                if (cursor != null) request.query("cursor", cursor);
                page = json(call(list, request));
                page.path("items").forEach(o -> shares.add(o.path("ownerId").asText() + "=" + o.path("share").asText()));
                assertThat(page.path("total").asText()).isEqualTo("3/4");
                cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            } while (cursor != null && shares.size() < 5);
            assertThat(shares).as(reader).containsExactlyInAnyOrder(f.owner + "=1/4", second + "=1/2");
        }
    }

    @Test
    void buildingWithoutOwnershipsHasTotalZero() {
        JsonNode page = json(call(list, listOf(f.buildingA2.getId()).as(f.managerOfA2)));
        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("total").asText()).isEqualTo("0/1");
    }

    @Test
    void tenantsTechniciansOtherBuildingsOutsidersAndAnonymousCallersDoNotSeeShares() {
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.tenant)), 403, "forbidden");
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.technician)), 403, "forbidden");
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listOf(f.buildingA1.getId())), 401, "unauthorized");
    }
}
