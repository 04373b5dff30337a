package app.domus.assistant;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.chat.Assistant;
import app.domus.assistant.chat.ChatChains;
import app.domus.assistant.chat.ChatHandler;
import app.domus.assistant.chat.ChatTurn;
import app.domus.assistant.chat.Conversations;
import app.domus.assistant.chat.RetrievalAnswer;
import app.domus.assistant.intent.Classifiers;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the assistant answers whom: small talk, whose buildings it searches, the fault form's home, the history it hands on. */
class AssistantRepliesTest {
    final AssistantFixture w = new AssistantFixture();

    APIGatewayV2HTTPResponse upload(String userId, String buildingId, String title, String content) {
        return call(w.upload, HttpEvents.request("POST", "/buildings/" + buildingId + "/knowledge").pathParam("buildingId", buildingId)
                .as(userId).body(Json.write(Map.of("title", title, "mediaType", "text/plain", "content", content))));
    }

    static APIGatewayV2HTTPResponse chat(ChatHandler handler, String userId, String message, String conversationId) {
        Map<String, String> body = conversationId == null ? Map.of("message", message) : Map.of("message", message, "conversationId", conversationId);
        return call(handler, HttpEvents.request("POST", "/chat").as(userId).body(Json.write(body)));
    }

    JsonNode chat(String userId, String message) {
        APIGatewayV2HTTPResponse response = chat(w.chat, userId, message, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void aGreetingIsGreetedBackWithoutSearchingOrAnAnswerStep() {
        JsonNode reply = chat(w.tom, "Hello");
        assertThat(reply.path("intent").asText()).isEqualTo("small_talk");
        assertThat(reply.path("response").asText()).startsWith("Hello! I answer questions about your building");
        assertThat(reply.path("sources")).isEmpty();
        assertThat(reply.path("generated").asBoolean()).isFalse();
        assertThat(w.table.all(AiRunItem.class, AiRunItem.pk(w.org), AiRunItem.SK_PREFIX)).as("the classification only").hasSize(1);
    }

    @Test
    void anAdminIsAnsweredFromEveryBuildingOfTheOrganisationAndATenantOnlyFromTheirs() {
        BuildingItem second = w.building(w.org, "B2");
        w.member(w.mia, w.org, Role.MANAGER, second.getId(), null);
        assertThat(upload(w.mia, second.getId(), "B2 rules", "The sauna password is SECRET-OTTER.").getStatusCode()).isEqualTo(201);
        String ada = w.user("ada");
        w.member(ada, w.org, Role.ORG_ADMIN, null, null);

        assertThat(chat(ada, "What is the sauna password?").path("response").asText()).contains("SECRET-OTTER");
        JsonNode tenant = chat(w.tom, "What is the sauna password?");
        assertThat(tenant.path("response").asText()).doesNotContain("OTTER").contains("could not find");
        assertThat(tenant.path("sources")).isEmpty();
    }

    @Test
    void aReportedFaultIsFiledForTheUnitTheCallerLivesInBeforeABuildingTheyManage() {
        String tina = w.user("tina");
        w.member(tina, w.org, Role.MANAGER, w.building.getId(), null); // sorts before the tenancy
        w.member(tina, w.org, Role.TENANT, w.building.getId(), w.unit.getId());
        JsonNode prefill = chat(tina, "leaky faucet in the bathroom").path("prefillData");
        assertThat(prefill.path("unitId").asText()).isEqualTo(w.unit.getId());
        assertThat(prefill.path("buildingId").asText()).isEqualTo(w.building.getId());
    }

    @Test
    void withoutAUnitTheFaultIsFiledForABuildingOfTheCallerAndWithoutEitherNotAtAll() {
        String tess = w.user("tess");
        w.member(tess, w.org, Role.ORG_ADMIN, null, null); // sorts before the technician's membership
        w.member(tess, w.org, Role.TECHNICIAN, w.building.getId(), null);
        JsonNode reply = chat(tess, "leaky faucet in the bathroom");
        assertThat(reply.path("prefillData").path("buildingId").asText()).isEqualTo(w.building.getId());
        assertThat(reply.path("prefillData").has("unitId")).isFalse();
        assertThat(reply.path("actions")).hasSize(1);

        String ada = w.user("ada");
        w.member(ada, w.org, Role.ORG_ADMIN, null, null);
        JsonNode admin = chat(ada, "leaky faucet in the bathroom");
        assertThat(admin.path("intent").asText()).isEqualTo("report_fault");
        assertThat(admin.path("prefillData").has("buildingId")).isFalse();
        assertThat(admin.path("actions")).as("no building to send the fault to").isEmpty();
    }

    @Test
    void aMemberOfTwoOrganisationsIsAnsweredWithinTheConversationsOrganisationOnly() {
        UnitItem otherUnit = w.unit(w.otherBuilding, "9");
        String dan = w.user("dan");
        boolean estateFirst = w.org.compareTo(w.otherOrg) < 0;
        String first = estateFirst ? w.org : w.otherOrg;
        BuildingItem firstBuilding = estateFirst ? w.building : w.otherBuilding;
        String second = estateFirst ? w.otherOrg : w.org;
        BuildingItem secondBuilding = estateFirst ? w.otherBuilding : w.building;
        UnitItem secondUnit = estateFirst ? otherUnit : w.unit;
        w.member(dan, first, Role.MANAGER, firstBuilding.getId(), null);
        w.member(dan, second, Role.TENANT, secondBuilding.getId(), secondUnit.getId());

        JsonNode prefill = chat(dan, "leaky faucet in the bathroom").path("prefillData");
        assertThat(prefill.path("buildingId").asText()).isEqualTo(firstBuilding.getId());
        assertThat(prefill.has("unitId")).as("the unit is in the other organisation").isFalse();
    }

    @Test
    void aMessageMustBeOneTo2000CharactersAndAConversationIdAnIdentifier() {
        assertThat(fieldErrors(assertProblem(chat(w.chat, w.tom, "   ", null), 400, "validation-error"))).containsExactly("message");
        assertThat(fieldErrors(assertProblem(chat(w.chat, w.tom, "a".repeat(2001), null), 400, "validation-error"))).containsExactly("message");
        assertThat(fieldErrors(assertProblem(chat(w.chat, w.tom, "Are dogs allowed?", "not an id!"), 400, "validation-error")))
                .containsExactly("conversationId");
    }

    @Test
    void theAnswerStepGetsTheConversationsLastSixMessages() {
        List<ChatTurn.Input> asked = new ArrayList<>();
        AiProvider<ChatTurn.Input, ChatTurn.Output> answer = AiProvider.of("local", RetrievalAnswer.MODEL, input -> {
            asked.add(input);
            return AiProvider.Answer.free(RetrievalAnswer.answer(input));
        });
        ChatChains chains = new ChatChains(
                AssistantModule.chains(new Classifiers(), () -> { throw new AssertionError("no Bedrock in tests"); }).classify(), List.of(answer));
        ChatHandler handler = new ChatHandler(new Assistant(w.access, w.table, w.knowledge, w.conversations, w.gateway, chains));

        List<String> questions = List.of("Where are the recycling bins?", "When are the quiet hours?", "Are dogs allowed in the garden?",
                "Where does the glass go?", "Can I use power tools at night?");
        String id = null;
        for (String question : questions) {
            APIGatewayV2HTTPResponse response = chat(handler, w.tom, question, id);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            id = json(response).path("conversationId").asText();
        }
        assertThat(asked).hasSize(5);
        assertThat(asked.get(2).history()).extracting(Conversations.Turn::role).containsExactly("user", "assistant", "user", "assistant");
        ChatTurn.Input last = asked.getLast();
        assertThat(last.message()).isEqualTo("Can I use power tools at night?");
        assertThat(last.history()).hasSize(6).extracting(Conversations.Turn::text)
                .containsSubsequence("When are the quiet hours?", "Are dogs allowed in the garden?", "Where does the glass go?")
                .doesNotContain("Where are the recycling bins?");
        assertThat(last.history().getFirst().text()).isEqualTo("When are the quiet hours?");
    }
}
