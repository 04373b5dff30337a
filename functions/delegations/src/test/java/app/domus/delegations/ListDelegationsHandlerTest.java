package app.domus.delegations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Nina had no account when Paula delegated to her address; she then registered, became an owner of 4A and
 * delegated in turn. Her list spans what she gave, what she received under her id, and what waits at her address.
 */
class ListDelegationsHandlerTest {
    private final DelegationsFixture f = new DelegationsFixture();
    private final String toNinasAddress = f.delegate(f.paula, "nina@example.test", f.unit4A, "vote");
    private final String nina = f.register(Ids.newId(), "Nina", "nina@example.test");
    private final Map<String, String> ninasToken = Map.of("sub", nina, "email", "nina@example.test", "sid", "s");
    private final String toNina;
    private final String toFred;
    private final String toOscar;

    ListDelegationsHandlerTest() {
        f.member(nina, f.orgA, Role.OWNER, f.buildingA1, f.unit4A);
        toNina = f.delegate(f.paula, "nina@example.test", f.unit4A, "pay");
        toFred = f.delegate(nina, emailOf(f.fred), f.unit4A, "vote");
        toOscar = f.delegate(nina, emailOf(f.oscar), f.unit4A, "view_finances");
    }

    private HttpEvents listing() {
        return HttpEvents.request("GET", "/delegations").claims(ninasToken);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(d -> ids.add(d.path("delegationId").asText()));
        return ids;
    }

    private List<String> everyPage(String direction, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpEvents request = listing().query("limit", Integer.toString(limit));
            if (direction != null) request.query("direction", direction);
            if (cursor != null) request.query("cursor", cursor);
            var response = call(f.list, request);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            seen.addAll(ids(page));
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(cursor).as("paging ends").isNull();
        return seen;
    }

    @Test
    void bothDirectionsByDefaultGivenFirst() {
        JsonNode page = json(call(f.list, listing()));

        assertThat(ids(page)).containsExactlyInAnyOrder(toFred, toOscar, toNina, toNinasAddress);
        assertThat(ids(page).subList(0, 2)).containsExactlyInAnyOrder(toFred, toOscar);
        assertThat(page.path("items")).extracting(d -> d.path("direction").asText())
                .containsExactly("given", "given", "received", "received");
        assertThat(page.has("nextCursor")).isFalse();
    }

    @Test
    void oneDirectionAtATime() {
        assertThat(ids(json(call(f.list, listing().query("direction", "given"))))).containsExactlyInAnyOrder(toFred, toOscar);
        assertThat(ids(json(call(f.list, listing().query("direction", "received"))))).containsExactlyInAnyOrder(toNina, toNinasAddress);
        assertThat(ids(json(call(f.list, HttpEvents.request("GET", "/delegations").query("direction", "received").as(f.fred)))))
                .containsExactly(toFred);
        assertThat(ids(json(call(f.list, HttpEvents.request("GET", "/delegations").query("direction", "given").as(f.fred)))))
                .isEmpty();
    }

    @Test
    void pagesRunAcrossThePartitionsWithoutLosingOrRepeatingAny() {
        for (int limit : new int[] {1, 2, 3, 4, 5}) {
            assertThat(everyPage(null, limit)).as("limit %d", limit).containsExactlyInAnyOrder(toFred, toOscar, toNina, toNinasAddress);
        }
        assertThat(everyPage("received", 1)).containsExactlyInAnyOrder(toNina, toNinasAddress);
        assertThat(everyPage("given", 1)).containsExactlyInAnyOrder(toFred, toOscar);
    }

    @Test
    void anAcceptedDelegationPastItsExpiryIsListedAsExpired() {
        f.delegations.accept(DelegationsFixture.caller(f.fred), toFred, Optional.empty());
        f.clock.advance(Duration.ofDays(31));

        JsonNode page = json(call(f.list, listing().query("direction", "given")));
        assertThat(page.path("items")).extracting(d -> d.path("status").asText()).containsExactly("expired", "expired");
    }

    @Test
    void cursorsAreCheckedAgainstTheListTheyCameFrom() {
        String ninasCursor = json(call(f.list, listing().query("limit", "1"))).path("nextCursor").asText();
        String givenCursor = json(call(f.list, listing().query("direction", "given").query("limit", "1"))).path("nextCursor").asText();
        String emailPart = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"part\":\"received-by-email\"}".getBytes(StandardCharsets.UTF_8));

        assertProblem(call(f.list, HttpEvents.request("GET", "/delegations").query("cursor", ninasCursor).as(f.fred)),
                400, "invalid-cursor");
        assertProblem(call(f.list, listing().query("direction", "received").query("cursor", givenCursor)), 400, "invalid-cursor");
        assertProblem(call(f.list, HttpEvents.request("GET", "/delegations").query("cursor", emailPart)
                .claims(Map.of("sub", f.fred, "email", "nina@example.test", "sid", "s"))), 400, "invalid-cursor");
        for (String garbage : List.of("not-base64!", "e30", "bnVsbA", emailPart + "x", "W10")) {
            assertProblem(call(f.list, listing().query("cursor", garbage)), 400, "invalid-cursor");
        }
    }

    @Test
    void badQueriesAndAnonymousCallersAreRefused() {
        assertProblem(call(f.list, listing().query("direction", "sideways")), 400, "validation-error");
        assertProblem(call(f.list, listing().query("limit", "0")), 400, "validation-error");
        assertProblem(call(f.list, listing().query("limit", "101")), 400, "validation-error");
        assertProblem(call(f.list, listing().query("limit", "ten")), 400, "validation-error");
        assertProblem(call(f.list, HttpEvents.request("GET", "/delegations")), 401, "unauthorized");
    }

    @Test
    void outsidersSeeNoneOfIt() {
        assertThat(ids(json(call(f.list, HttpEvents.request("GET", "/delegations").as(f.outsider))))).isEmpty();
    }
}
