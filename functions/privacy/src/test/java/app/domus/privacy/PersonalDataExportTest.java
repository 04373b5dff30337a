package app.domus.privacy;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.privacy.PrivacyFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.privacy.export.ExportEvent;
import app.domus.privacy.export.Exports;
import app.domus.privacy.export.GetExportHandlerAccess;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** An export holds the person's data, nobody else's and none of their secrets; only they read it. */
class PersonalDataExportTest {
    private final PrivacyFixture world = new PrivacyFixture();

    @Test
    void theZipHoldsOlgasDataWithoutHerSecretsOrPaulasData() throws Exception {
        var view = world.exports.request(PrivacyFixture.caller(world.olga));
        assertThat(view.status()).isEqualTo("requested");
        JsonNode requested = world.events.ofType(ExportEvent.REQUESTED).getFirst().payload();
        assertThat(requested.path("userId").asText()).isEqualTo(world.olga);

        world.exports.build(Json.MAPPER.treeToValue(requested, ExportEvent.class));

        String key = Exports.objectKey(world.olga, view.exportId());
        Map<String, String> files = unzip(world.objects.get(key));
        assertThat(files).containsKeys("README.txt", "profile.json", "memberships.json", "ownerships.json", "ballots.json",
                "delegations-received.json", "unit-accounts.json", "notification-preferences.json", "sessions.json");
        JsonNode profile = Json.tree(files.get("profile.json")).get(0);
        assertThat(profile.path("displayName").asText()).isEqualTo("Olga Owner");
        assertThat(profile.has("passwordHash")).isFalse();
        assertThat(profile.has("pk")).isFalse();
        assertThat(files.get("sessions.json")).doesNotContain("refresh-hash-olga");
        // Her two ballots (one for Paula's unit, by delegation); Olga's unit's account, not Paula's.
        assertThat(Json.tree(files.get("ballots.json"))).hasSize(2);
        assertThat(files.get("unit-accounts.json")).contains("18000").doesNotContain("21000");
        String all = String.join("\n", files.values());
        assertThat(all).doesNotContain("Paula Owner", PrivacyFixture.emailOf(world.paula), "Paula's own notice");

        NotificationRequest mail = world.notifications.ofTemplate("personal-data-export").getFirst();
        assertThat(mail.userId()).isEqualTo(world.olga);
        assertThat(mail.id()).isEqualTo("personal-data-export:" + view.exportId());
        assertThat(mail.data().get("link")).contains(key);
        assertThat(world.events.ofType(ExportEvent.EXPORTED)).hasSize(1);

        // Delivered again: nothing rebuilt, no second event; the e-mail asked for again under the same id.
        world.objects.clear();
        world.exports.build(Json.MAPPER.treeToValue(requested, ExportEvent.class));
        assertThat(world.objects).isEmpty();
        assertThat(world.events.ofType(ExportEvent.EXPORTED)).hasSize(1);
        assertThat(world.notifications.ofTemplate("personal-data-export")).extracting(NotificationRequest::id).containsOnly(mail.id());
    }

    @Test
    void onlyThePersonReadsTheirExport() {
        var view = world.exports.request(PrivacyFixture.caller(world.olga));
        var get = GetExportHandlerAccess.handler(world.exports);
        var own = call(get, HttpEvents.request("GET", "/me/exports/" + view.exportId()).pathParam("exportId", view.exportId()).as(world.olga));
        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(json(own).path("status").asText()).isEqualTo("requested");
        assertThat(json(own).has("downloadUrl") && !json(own).path("downloadUrl").isNull()).isFalse();
        assertProblem(call(get, HttpEvents.request("GET", "/me/exports/" + view.exportId())
                .pathParam("exportId", view.exportId()).as(world.paula)), 404, "not-found");

        world.exports.build(new ExportEvent(view.exportId(), world.olga, "requested", null, null, null, java.util.List.of()));
        var ready = json(call(get, HttpEvents.request("GET", "/me/exports/" + view.exportId()).pathParam("exportId", view.exportId()).as(world.olga)));
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("downloadUrl").asText()).contains(Exports.objectKey(world.olga, view.exportId()));
        assertThat(ready.path("files").path("ballots.json").asInt()).isEqualTo(2);

        world.clock.advance(Exports.KEPT.plusMinutes(1));
        var expired = json(call(get, HttpEvents.request("GET", "/me/exports/" + view.exportId()).pathParam("exportId", view.exportId()).as(world.olga)));
        assertThat(expired.path("status").asText()).isEqualTo("expired");
        assertThat(expired.path("downloadUrl").isMissingNode() || expired.path("downloadUrl").isNull()).isTrue();
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void everyKindOfTheirDataIsFoundByItsKeyPatternAndCountedPerFile() throws Exception {
        String user = "USER#" + world.olga;
        world.put(Map.of("pk", s(user), "sk", s("IDENTITY#google#sub-1"), "provider", s("google"), "subject", s("sub-1")));
        world.put(Map.of("pk", s(user), "sk", s("DEVICE#d-1"), "platform", s("ios")));
        world.put(Map.of("pk", s(user), "sk", s("NOTIFICATION#01"), "title", s("Olga's notice")));
        world.put(Map.of("pk", s(user), "sk", s("SOMETHING#else")));
        world.put(Map.of("pk", s("CONVERSATION#f-1"), "sk", s("PARTICIPANT#" + world.olga),
                "gsi1pk", s(user + "#CONVERSATIONS"), "gsi1sk", s("f-1")));
        world.put(Map.of("pk", s("CONVERSATION#f-1"), "sk", s("MESSAGE#1"), "senderId", s(world.olga), "text", s("The tap drips")));
        world.put(Map.of("pk", s("CONVERSATION#f-1"), "sk", s("MESSAGE#2"), "senderId", s(world.paula), "text", s("Paula's reply")));
        world.put(Map.of("pk", s("FAULT#f-1"), "sk", s("FAULT"), "reportedBy", s(world.olga), "title", s("Dripping tap")));
        world.put(Map.of("pk", s("CONVERSATION#c-2"), "sk", s("PARTICIPANT#" + world.olga),
                "gsi1pk", s(user + "#CONVERSATIONS"), "gsi1sk", s("c-2")));
        world.put(Map.of("pk", s("FAULT#c-2"), "sk", s("FAULT"), "reportedBy", s(world.paula), "title", s("Paula's fault")));
        world.put(Map.of("pk", s("SAVEDSEARCH#s-1"), "sk", s("SEARCH#1"), "gsi2pk", s(user + "#SAVEDSEARCHES"), "gsi2sk", s("1")));
        world.put(Map.of("pk", s("CALENDAR#" + world.olga), "sk", s("ENTRY#1")));
        world.put(Map.of("pk", s("CALCONN#c-1"), "sk", s("CONNECTION"), "gsi1pk", s("CALENDAR_USER#" + world.olga), "gsi1sk", s("c-1")));
        world.put(Map.of("pk", s("REALTOR#" + world.olga), "sk", s("REALTOR"), "agency", s("Olga Estates")));
        var view = world.exports.request(PrivacyFixture.caller(world.olga));

        world.exports.build(new ExportEvent(view.exportId(), world.olga, "requested", null, null, null, java.util.List.of()));

        var ready = world.exports.get(PrivacyFixture.caller(world.olga), view.exportId());
        assertThat(ready.requestedAt()).isEqualTo(view.requestedAt()).isNotNull();
        assertThat(ready.completedAt()).isEqualTo(world.clock.instant().toString());
        assertThat(ready.files()).containsEntry("profile.json", 1).containsEntry("memberships.json", 1)
                .containsEntry("sessions.json", 1).containsEntry("sign-in-identities.json", 1)
                .containsEntry("notification-preferences.json", 1).containsEntry("devices.json", 1)
                .containsEntry("notifications.json", 1).containsEntry("other.json", 1)
                .containsEntry("conversations.json", 2).containsEntry("messages.json", 1).containsEntry("faults-reported.json", 1)
                .containsEntry("saved-searches.json", 1).containsEntry("calendar.json", 1)
                .containsEntry("calendar-connections.json", 1).containsEntry("realtor.json", 1).containsEntry("exports.json", 1)
                .containsEntry("delegations-given.json", 0).containsEntry("invoices.json", 0);
        Map<String, String> files = unzip(world.objects.get(Exports.objectKey(world.olga, view.exportId())));
        assertThat(files.get("messages.json")).contains("The tap drips").doesNotContain("Paula's reply");
        assertThat(files.get("faults-reported.json")).contains("Dripping tap").doesNotContain("Paula's fault");
        assertThat(files.get("realtor.json")).contains("Olga Estates");
        assertThat(Json.tree(files.get("export.json")).path("userId").asText()).isEqualTo(world.olga);
        assertThat(files.get("README.txt")).startsWith("Your data in Domus");
        assertThat(world.events.ofType(ExportEvent.REQUESTED).getFirst().payload().path("organisationIds"))
                .extracting(JsonNode::asText).containsExactly(world.org);
    }
}
