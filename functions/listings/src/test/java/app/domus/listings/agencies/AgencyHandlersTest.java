package app.domus.listings.agencies;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.api.AddRealtorHandler;
import app.domus.listings.api.CreateAgencyHandler;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import org.junit.jupiter.api.Test;

class AgencyHandlersTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateAgencyHandler create = new CreateAgencyHandler(f.agencies);
    private final AddRealtorHandler add = new AddRealtorHandler(f.agencies);

    private HttpEvents addToA(String email) {
        return HttpEvents.request("POST", "/agencies/" + f.agencyA + "/realtors").pathParam("agencyId", f.agencyA)
                .body("{\"email\":\"" + email + "\"}");
    }

    @Test
    void whoeverFoundsAnAgencyIsItsAdminAndAddsRealtorsByTheirAccountsEmail() {
        var founded = call(create, HttpEvents.request("POST", "/agencies").body("{\"name\":\"Paula's Homes\"}").as(f.paula));
        assertThat(founded.getStatusCode()).isEqualTo(201);
        assertThat(f.agencies.membership(f.paula).orElseThrow().isAdmin()).isTrue();

        String newcomer = f.user("Nina Newcomer");
        var added = call(add, addToA(DirectoryWorld.emailOf(newcomer).toUpperCase()).as(f.ada));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        assertThat(json(added).path("role").asText()).isEqualTo("realtor");
        assertThat(f.agencies.membership(newcomer).orElseThrow().getAgencyId()).isEqualTo(f.agencyA);
    }

    @Test
    void onlyTheAdminAddsRealtorsAndAPersonBelongsToOneAgency() {
        String newcomer = f.user("Nina Newcomer");
        f.assertRefusedUnchanged(add, addToA(DirectoryWorld.emailOf(newcomer)).as(f.rita), 403, "forbidden");
        f.assertRefusedUnchanged(add, addToA(DirectoryWorld.emailOf(newcomer)).as(f.bert), 404, "not-found");
        f.assertRefusedUnchanged(add, addToA(DirectoryWorld.emailOf(f.bert)).as(f.ada), 409, "conflict");
        f.assertRefusedUnchanged(add, addToA("nobody@example.com").as(f.ada), 422, "unprocessable");
        f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/agencies").body("{\"name\":\"Second\"}").as(f.rita), 409, "conflict");
    }
}
