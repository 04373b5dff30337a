package app.domus.privacy;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.privacy.PrivacyFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.privacy.deletion.AccountDeleted;
import app.domus.privacy.export.Exports;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a deletion erases, what it pseudonymises, what it keeps; refused without the password; idempotent. */
class AccountDeletionTest {
    private final PrivacyFixture world = new PrivacyFixture();

    private HttpEvents deletion(String userId, String body) {
        return HttpEvents.request("POST", "/me/deletion").as(userId).body(body);
    }

    @Test
    void aWrongOrMissingPasswordChangesNothing() {
        world.assertRefusedUnchanged(world.deleteAccount, deletion(world.olga, "{\"password\":\"not her password\"}"), 401, "invalid-credentials");
        world.assertRefusedUnchanged(world.deleteAccount, deletion(world.olga, "{}"), 401, "invalid-credentials");
        world.assertRefusedUnchanged(world.deleteAccount, deletion(world.olga, ""), 400, "validation-error");
    }

    @Test
    void personalDataIsErasedTheRecordsTheLawKeepsAreKeptAndTheAddressIsFree() {
        var export = world.exports.request(PrivacyFixture.caller(world.olga));
        world.objects.put(Exports.objectKey(world.olga, export.exportId()), new byte[] {1});
        var before = world.itemsOutsideOutbox();

        var answer = call(world.deleteAccount, deletion(world.olga, "{\"password\":\"" + PrivacyFixture.PASSWORD + "\"}"));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        JsonNode receipt = json(answer);
        assertThat(receipt.path("erased").path("memberships").asInt()).isEqualTo(1);
        assertThat(receipt.path("erased").path("sessions and refresh tokens").asInt()).isEqualTo(1);
        assertThat(receipt.path("pseudonymised").path("delegations received").asInt()).isEqualTo(1);

        String user = "USER#" + world.olga;
        // Erased: the profile, the address's claim, every item of her partition, her refresh token, her exports.
        assertThat(world.item(user, "PROFILE")).isNull();
        assertThat(world.item(EmailItem.pk(PrivacyFixture.emailOf(world.olga)), EmailItem.SK)).isNull();
        assertThat(world.raw.partition(user, null)).isEmpty();
        assertThat(world.item("REFRESH#refresh-hash-olga", "REFRESH")).isNull();
        assertThat(world.item("EXPORT#" + export.exportId(), "EXPORT")).isNull();
        assertThat(world.objects).isEmpty();
        // Kept as they were: the ballots, the ledger, the ownership register; Paula's account untouched.
        for (String key : new String[] {"VOTE#" + world.voteId + " BALLOT#" + world.unit1A.getId(),
                "VOTE#" + world.voteId + " BALLOT#" + world.unit2A.getId(), "LEDGER#" + world.unit1A.getId() + " ENTRY#000000000001",
                "LEDGER#" + world.unit1A.getId() + " BALANCE", "UNIT#" + world.unit1A.getId() + " OWNER#" + world.olga,
                "USER#" + world.paula + " PROFILE", "REFRESH#refresh-hash-paula REFRESH"}) {
            assertThat(world.itemsOutsideOutbox().get(key)).as(key).isEqualTo(before.get(key));
        }
        // The delegation Paula gave her stays, granting nothing.
        var delegation = world.raw.index("gsi1", "USER#" + world.olga + "#RECEIVED", null).getFirst();
        assertThat(delegation.get("status").s()).isEqualTo("REVOKED");
        assertThat(world.events.ofType(AccountDeleted.TYPE)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("userId").asText()).isEqualTo(world.olga));

        // The address is free: a new account takes it (the claim's put must find none).
        world.table.of(EmailItem.class).putItem(b -> b.item(claim(PrivacyFixture.emailOf(world.olga), "someone-new"))
                .conditionExpression(software.amazon.awssdk.enhanced.dynamodb.Expression.builder()
                        .expression("attribute_not_exists(pk)").build()));

        // Again (the old token): the same receipt's time, nothing more erased, no second event.
        JsonNode again = json(call(world.deleteAccount, deletion(world.olga, "{}")));
        assertThat(again.path("deletedAt").asText()).isEqualTo(receipt.path("deletedAt").asText());
        assertThat(world.events.ofType(AccountDeleted.TYPE)).hasSize(1);
        assertThat(world.item(user, "PROFILE")).isNull();
    }

    @Test
    void pushDevicesAndCalendarConnectionsAreLeftToTheirContextsAndTheEventNamesEveryOrganisation() {
        String second = world.organisation("Org B");
        world.put(java.util.Map.of("pk", PrivacyFixture.s("USER#" + world.olga), "sk", PrivacyFixture.s("MEMBER#" + second),
                "organisationId", PrivacyFixture.s(second), "role", PrivacyFixture.s("RESIDENT")));
        world.put(java.util.Map.of("pk", PrivacyFixture.s("USER#" + world.olga), "sk", PrivacyFixture.s("DEVICE#d1"),
                "endpointArn", PrivacyFixture.s("arn:aws:sns:eu-central-1:000000000000:endpoint/GCM/domus/e1")));
        world.put(java.util.Map.of("pk", PrivacyFixture.s("CALENDAR_CONNECTION#c1"), "sk", PrivacyFixture.s("CONNECTION"),
                "gsi1pk", PrivacyFixture.s("CALENDAR_USER#" + world.olga), "gsi1sk", PrivacyFixture.s("CONNECTION#google"),
                "tokens", PrivacyFixture.s("ciphertext")));

        JsonNode receipt = json(call(world.deleteAccount, deletion(world.olga, "{\"password\":\"" + PrivacyFixture.PASSWORD + "\"}")));

        assertThat(receipt.path("erasing").path("push devices").asInt()).isEqualTo(1);
        assertThat(receipt.path("erasing").path("calendar connections").asInt()).isEqualTo(1);
        assertThat(receipt.path("erased").has("push devices")).isFalse();
        // The endpoint's ARN and the encrypted tokens are where notifications and calendar read them on AccountDeleted.
        assertThat(world.item("USER#" + world.olga, "DEVICE#d1")).isNotNull();
        assertThat(world.item("CALENDAR_CONNECTION#c1", "CONNECTION")).isNotNull();
        assertThat(world.raw.partition("USER#" + world.olga, null)).extracting(i -> i.get("sk").s()).containsExactly("DEVICE#d1");
        assertThat(world.events.ofType(AccountDeleted.TYPE)).singleElement().satisfies(e -> {
            assertThat(e.organisationId()).isNull();
            assertThat(e.payload().path("organisationIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(world.org, second);
        });
    }

    @Test
    void anAccountWithoutAPasswordNeedsARecentSignIn() {
        UserItem olga = world.table.get(UserItem.class, UserItem.pk(world.olga), UserItem.SK).orElseThrow();
        olga.setPasswordHash(null);
        world.table.of(UserItem.class).updateItem(olga);
        world.clock.advance(Duration.ofMinutes(11));
        world.assertRefusedUnchanged(world.deleteAccount, deletion(world.olga, "{}"), 403, "forbidden");

        world.session(world.olga, "session-" + world.olga, "refresh-hash-olga-2", world.clock.instant().toString());
        assertThat(call(world.deleteAccount, deletion(world.olga, "{}")).getStatusCode()).isEqualTo(200);
        assertThat(world.item("REFRESH#refresh-hash-olga-2", "REFRESH")).isNull();
    }

    private static EmailItem claim(String email, String userId) {
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(email));
        claim.setSk(EmailItem.SK);
        claim.setUserId(userId);
        return claim;
    }

    @Test
    void everyKindOfTheirItemsIsErasedByItsKeyPatternAndCountedOnTheReceipt() {
        String user = "USER#" + world.olga;
        world.put(Map.of("pk", s(user), "sk", s("IDENTITY#google#sub-1"), "provider", s("google"), "subject", s("sub-1")));
        world.put(Map.of("pk", s("IDENTITY#google#sub-1"), "sk", s("IDENTITY"), "userId", s(world.olga)));
        world.put(Map.of("pk", s(user), "sk", s("DEVICE#d-1")));
        world.put(Map.of("pk", s(user), "sk", s("NOTIFICATION#01")));
        world.put(Map.of("pk", s(user), "sk", s("SOMETHING#else")));
        String loginFailures = "LOGINFAIL#" + PrivacyFixture.emailOf(world.olga).toLowerCase(java.util.Locale.ROOT);
        world.put(Map.of("pk", s(loginFailures), "sk", s("LOGINFAIL"), "count", s("2")));
        for (String sk : new String[] {"SEARCH#1", "SEARCH#2"}) {
            world.put(Map.of("pk", s("SAVEDSEARCH#s-1"), "sk", s(sk), "gsi2pk", s(user + "#SAVEDSEARCHES"), "gsi2sk", s(sk)));
        }
        world.put(Map.of("pk", s("ALERTED#" + world.olga), "sk", s("LISTING#1")));
        world.put(Map.of("pk", s("ALERTED#" + world.olga), "sk", s("LISTING#2")));
        world.put(Map.of("pk", s("CALENDAR#" + world.olga), "sk", s("ENTRY#1")));
        world.put(Map.of("pk", s("CALCONN#c-1"), "sk", s("CONNECTION"), "gsi1pk", s("CALENDAR_USER#" + world.olga), "gsi1sk", s("c-1")));
        world.put(Map.of("pk", s("CALCONN#c-1"), "sk", s("TOKEN")));
        world.put(Map.of("pk", s("FEED#f-1"), "sk", s("FEED"), "gsi1pk", s("CALENDAR_FEEDS#" + world.olga), "gsi1sk", s("f-1")));
        world.put(Map.of("pk", s("REALTOR#" + world.olga), "sk", s("REALTOR")));
        var given = world.delegation(world.olga, world.paula, world.unit1A, Set.of("VOTE"));
        var declined = world.delegation(world.paula, world.olga, world.unit2A, Set.of("VOTE"));
        world.put(Map.of("pk", s(declined.getPk()), "sk", s(declined.getSk()), "status", s("DECLINED"), "delegateEmail", s("olga@old.test"),
                "gsi1pk", s(declined.getGsi1pk()), "gsi1sk", s(declined.getGsi1sk())));
        var revokedGiven = world.delegation(world.olga, world.paula, world.unit1A, Set.of("VOTE"));
        world.put(Map.of("pk", s(revokedGiven.getPk()), "sk", s(revokedGiven.getSk()), "status", s("REVOKED"), "delegateEmail", s("paula@old.test"),
                "gsi2pk", s(revokedGiven.getGsi2pk()), "gsi2sk", s(revokedGiven.getGsi2sk())));
        var export = world.exports.request(PrivacyFixture.caller(world.olga));
        world.objects.put(Exports.objectKey(world.olga, export.exportId()), new byte[] {1});
        world.objects.put(Exports.objectKey(world.olga, export.exportId()) + ".part2", new byte[] {2});

        var answer = call(world.deleteAccount, deletion(world.olga, "{\"password\":\"" + PrivacyFixture.PASSWORD + "\"}"));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        JsonNode receipt = json(answer);

        assertThat(receipt.path("userId").asText()).isEqualTo(world.olga);
        assertThat(receipt.path("deletedAt").asText()).isEqualTo(world.clock.instant().toString());
        assertThat(Json.MAPPER.convertValue(receipt.path("erased"), Map.class)).isEqualTo(Map.ofEntries(
                Map.entry("profile", 1), Map.entry("e-mail claim", 1), Map.entry("memberships", 1),
                Map.entry("sessions and refresh tokens", 1), Map.entry("sign-in identities", 1),
                Map.entry("notification preferences", 1), Map.entry("notifications", 1),
                Map.entry("other account items", 1), Map.entry("saved searches", 2), Map.entry("listing alerts", 2),
                Map.entry("calendar entries", 1), Map.entry("calendar feeds", 1),
                Map.entry("realtor membership", 1), Map.entry("exports", 1), Map.entry("export files", 2)));
        // Push devices and calendar connections hold what only their contexts can undo (an SNS endpoint, a grant at the
        // provider): left to them, on AccountDeleted, and named as such.
        assertThat(Json.MAPPER.convertValue(receipt.path("erasing"), Map.class)).isEqualTo(Map.of(
                "push devices", 1, "calendar connections", 1));
        assertThat(world.item(user, "DEVICE#d-1")).as("left to notifications").isNotNull();
        assertThat(world.item("CALCONN#c-1", "TOKEN")).as("left to the calendar context").isNotNull();
        assertThat(Json.MAPPER.convertValue(receipt.path("pseudonymised"), Map.class)).isEqualTo(Map.of(
                "delegations received", 2, "delegations given", 2));
        assertThat(receipt.path("kept")).hasSize(3);

        for (String key : new String[] {"IDENTITY#google#sub-1 IDENTITY", loginFailures + " LOGINFAIL", "SAVEDSEARCH#s-1 SEARCH#1",
                "ALERTED#" + world.olga + " LISTING#1", "CALENDAR#" + world.olga + " ENTRY#1", "FEED#f-1 FEED",
                "REALTOR#" + world.olga + " REALTOR"}) {
            String[] pkSk = key.split(" ");
            assertThat(world.item(pkSk[0], pkSk[1])).as(key).isNull();
        }
        // An active delegation she gave ends; an ended one received loses its address but keeps its status; an ended
        // one she gave is left exactly as it was.
        assertThat(world.item(given.getPk(), given.getSk()).get("status").s()).isEqualTo("REVOKED");
        assertThat(world.item(given.getPk(), given.getSk())).containsKey("version");
        var declinedNow = world.item(declined.getPk(), declined.getSk());
        assertThat(declinedNow.get("status").s()).isEqualTo("DECLINED");
        assertThat(declinedNow).doesNotContainKey("delegateEmail").containsKey("version");
        var revokedNow = world.item(revokedGiven.getPk(), revokedGiven.getSk());
        assertThat(revokedNow).containsKey("delegateEmail").doesNotContainKey("version");
        assertThat(world.events.ofType(AccountDeleted.TYPE)).singleElement().satisfies(e -> {
            assertThat(e.organisationId()).as("the organisations are in the payload, for every chain").isNull();
            assertThat(e.payload().path("organisationIds")).extracting(JsonNode::asText).containsExactly(world.org);
        });
    }

    @Test
    void aDeletionWithNothingButTheAccountEraseOnlyItAndNamesNoOrganisation() {
        String loner = world.user("Lone Person");
        world.withPassword(loner, PrivacyFixture.PASSWORD);

        JsonNode receipt = json(call(world.deleteAccount, deletion(loner, "{\"password\":\"" + PrivacyFixture.PASSWORD + "\"}")));

        assertThat(Json.MAPPER.convertValue(receipt.path("erased"), Map.class)).isEqualTo(Map.of("profile", 1, "e-mail claim", 1));
        assertThat(receipt.path("pseudonymised").size()).isZero();
        assertThat(world.events.ofType(AccountDeleted.TYPE)).singleElement().satisfies(e -> {
            assertThat(e.organisationId()).isNull();
            assertThat(e.payload().path("organisationIds")).isEmpty();
        });
    }
}
