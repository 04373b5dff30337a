package app.domus.notifications.preferences;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.notifications.NotificationsFixture;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.Channel;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreferencesHandlersTest {
    private final NotificationsFixture f = new NotificationsFixture();
    private final GetPreferencesHandler get = new GetPreferencesHandler(f.preferences);
    private final PutPreferencesHandler put = new PutPreferencesHandler(f.preferences);
    private final String me = "01USER0000000000000000000A";

    @AfterEach
    void close() {
        f.close();
    }

    private static HttpEvents read() {
        return HttpEvents.request("GET", "/me/notification-preferences");
    }

    private static HttpEvents write(String body) {
        return HttpEvents.request("PUT", "/me/notification-preferences").body(body);
    }

    @Test
    void unsetPreferencesAreTheDefaultsForEveryCategoryAtVersionZero() {
        var response = call(get, read().as(me));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"0\"");
        JsonNode categories = json(response).path("categories");
        assertThat(categories.size()).isEqualTo(Category.values().length);
        categories.forEach(channels -> {
            assertThat(channels.path("email").asBoolean()).isTrue();
            assertThat(channels.path("push").asBoolean()).isTrue();
            assertThat(channels.path("sms").asBoolean()).isFalse();
        });
    }

    @Test
    void replacedPreferencesAreStoredAndWhatTheyLeaveOutIsDefault() {
        var response = call(put, write("{\"categories\":{\"faults\":{\"sms\":true,\"push\":false},\"votes\":{\"email\":false}}}")
                .header("If-Match", "\"0\"").as(me));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode categories = json(call(get, read().as(me))).path("categories");
        assertThat(categories.path("faults").toString()).isEqualTo("{\"email\":true,\"sms\":true,\"push\":false}");
        assertThat(categories.path("votes").toString()).isEqualTo("{\"email\":false,\"sms\":false,\"push\":true}");
        assertThat(categories.path("finance").toString()).isEqualTo("{\"email\":true,\"sms\":false,\"push\":true}");
        assertThat(f.preferences.of(me).channelsFor(Category.FAULTS)).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void staleIfMatchIs412AndKeepsWhatIsStored() {
        call(put, write("{\"categories\":{\"faults\":{\"sms\":true}}}").as(me));

        f.assertRefusedUnchanged(put, write("{\"categories\":{\"faults\":{\"sms\":false}}}").header("If-Match", "\"0\"").as(me),
                412, "precondition-failed");
        assertThat(f.preferences.of(me).channelsFor(Category.FAULTS)).contains(Channel.SMS);
    }

    @Test
    void writeRacingAnotherIs412WithIfMatchAnd409Without() {
        call(put, write("{\"categories\":{\"faults\":{\"sms\":true}}}").as(me));
        // A writer whose read came before that write: it saw no preferences yet.
        DomusTable readBeforeTheOtherWrite = new DomusTable(LocalDynamo.enhanced(), f.platform) {
            @Override
            public <T extends TableItem> Optional<T> get(Class<T> type, String pk, String sk) {
                return Optional.empty();
            }
        };
        PreferencesService racing = new PreferencesService(readBeforeTheOtherWrite);
        PreferencesRequest change = new PreferencesRequest(Map.of("faults", Map.of("sms", false)));

        assertThatThrownBy(() -> racing.replace(me, Optional.of(0L), change))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatThrownBy(() -> racing.replace(me, Optional.empty(), change))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(f.preferences.of(me).channelsFor(Category.FAULTS)).contains(Channel.SMS);
    }

    @Test
    void accountEmailCannotBeTurnedOff() {
        var problem = assertProblem(call(put, write("{\"categories\":{\"account\":{\"email\":false}}}").as(me)),
                400, "validation-error");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("categories.account.email");
        assertThat(f.itemCount()).isZero();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"categories\":", 400, "malformed-json"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"categories\":[]}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"faults\":{\"sms\":\"yes\"}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"faults\":{\"sms\":null}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"faults\":null}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"weather\":{\"sms\":true}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"FAULTS\":{\"sms\":true}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"faults\":{\"pigeon\":true}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"<script>alert(1)</script>\":{\"sms\":true}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"faults\\u0000\":{\"sms\":true}}}", 400, "validation-error"),
                Arguments.of("{\"categories\":{\"" + NotificationsFixture.oversizeText() + "\":{}}}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(put, write(body).as(me), status, type);
    }

    @Test
    void unknownNamesAreNotEchoedBack() {
        var response = call(put, write("{\"categories\":{\"<script>alert(1)</script>\":{\"sms\":true}}}").as(me));
        assertThat(response.getBody()).doesNotContain("<script>");
    }

    @Test
    void preferencesBelongToTheCallerAlone() {
        call(put, write("{\"categories\":{\"faults\":{\"email\":false}}}").as(me));

        JsonNode someoneElse = json(call(get, read().as("01USER0000000000000000000B"))).path("categories");
        assertThat(someoneElse.path("faults").path("email").asBoolean()).isTrue();
    }

    @Test
    void anonymousCallersAreRefused() {
        assertProblem(call(get, read()), 401, "unauthorized");
        f.assertRefusedUnchanged(put, write("{\"categories\":{}}"), 401, "unauthorized");
    }
}
