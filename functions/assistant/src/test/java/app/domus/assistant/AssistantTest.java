package app.domus.assistant;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.knowledge.KnowledgeIndexItem;
import app.domus.shared.ai.AiTask;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class AssistantTest {
    static final String RULES = """
            House rules of building B

            Quiet hours are from 22:00 to 07:00 every day. Do not use washing machines or power tools during quiet hours.

            Pets: cats and small dogs are allowed. Dogs must be kept on a lead in the garden and the stairs.

            Waste: the recycling bins are in the courtyard behind the garage. Glass goes in the green container.
            """;

    final AssistantFixture w = new AssistantFixture();

    APIGatewayV2HTTPResponse upload(String userId, String buildingId, String title, String mediaType, String content) {
        return call(w.upload, HttpEvents.request("POST", "/buildings/" + buildingId + "/knowledge").pathParam("buildingId", buildingId)
                .as(userId).body(Json.write(Map.of("title", title, "mediaType", mediaType, "content", content))));
    }

    APIGatewayV2HTTPResponse chat(String userId, String message, String conversationId) {
        Map<String, String> body = conversationId == null ? Map.of("message", message) : Map.of("message", message, "conversationId", conversationId);
        return call(w.chat, HttpEvents.request("POST", "/chat").as(userId).body(Json.write(body)));
    }

    @Test
    void aQuestionIsAnsweredFromTheBuildingsDocumentWithItsSourceCited() {
        APIGatewayV2HTTPResponse uploaded = upload(w.mia, w.building.getId(), "House rules", "text/plain", RULES);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(201);
        assertThat(w.files.keySet()).anyMatch(k -> k.startsWith("knowledge/" + w.org + "/" + w.building.getId() + "/index-1.zip"));

        JsonNode reply = json(chat(w.tom, "Are dogs allowed in the garden?", null));
        assertThat(reply.path("intent").asText()).isEqualTo("question");
        assertThat(reply.path("conversationId").asText()).isNotBlank();
        assertThat(reply.path("response").asText()).contains("not written by an AI model").contains("lead in the garden").contains("House rules");
        assertThat(reply.path("sources").get(0).path("title").asText()).isEqualTo("House rules");
        assertThat(reply.path("sources").get(0).path("documentId").asText()).isEqualTo(json(uploaded).path("documentId").asText());
        assertThat(reply.path("sources").get(0).path("excerpt").asText()).contains("Dogs must be kept on a lead");
        // both model steps of the turn are in the organisation's run log, as the chat task
        assertThat(w.table.all(AiRunItem.class, AiRunItem.pk(w.org), AiRunItem.SK_PREFIX))
                .extracting(AiRunItem::getTask, AiRunItem::getStatus).containsOnly(org.assertj.core.groups.Tuple.tuple(AiTask.CHAT.wire(), AiRunItem.DONE))
                .hasSize(2);
    }

    @Test
    void anotherOrganisationsDocumentIsNeverRetrieved() {
        upload(w.max, w.otherBuilding.getId(), "Other rules", "text/plain", "The sauna password is SECRET-ZEBRA. The sauna opens at 6.");
        upload(w.mia, w.building.getId(), "House rules", "text/plain", RULES);

        JsonNode reply = json(chat(w.tom, "What is the sauna password?", null));
        assertThat(reply.path("response").asText()).doesNotContain("ZEBRA").contains("could not find");
        assertThat(reply.path("sources")).isEmpty();
        // and Max, in the other organisation, finds it in his own
        assertThat(json(chat(w.max, "What is the sauna password?", null)).path("response").asText()).contains("SECRET-ZEBRA");
    }

    @Test
    void aPdfIsIndexedByItsText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 700);
                text.showText("The rooftop terrace closes at 23:00 and barbecues are not allowed there.");
                text.endText();
            }
            pdf.save(bytes);
        }
        APIGatewayV2HTTPResponse uploaded = upload(w.mia, w.building.getId(), "Rooftop notice", "application/pdf",
                Base64.getEncoder().encodeToString(bytes.toByteArray()));
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(201);
        JsonNode reply = json(chat(w.tom, "When does the rooftop terrace close?", null));
        assertThat(reply.path("sources").get(0).path("title").asText()).isEqualTo("Rooftop notice");
        assertThat(reply.path("response").asText()).contains("23:00");
    }

    @Test
    void onlyTheBuildingsManagersUploadAndBadDocumentsAreRefused() {
        assertProblem(upload(w.tom, w.building.getId(), "Rules", "text/plain", RULES), 403, "forbidden");
        assertProblem(upload(w.max, w.building.getId(), "Rules", "text/plain", RULES), 404, "not-found");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/msword", RULES), 400, "validation-error");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/pdf",
                Base64.getEncoder().encodeToString("not a pdf at all".getBytes())), 400, "validation-error");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/pdf",
                Base64.getEncoder().encodeToString("%PDF-1.7 broken".getBytes())), 422, "unprocessable");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/pdf", "***"), 400, "validation-error");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "text/plain", "x".repeat(3 * 1024 * 1024 + 1)), 413, "payload-too-large");
        assertThat(w.table.get(KnowledgeIndexItem.class, "KNOWLEDGE#" + w.building.getId(), KnowledgeIndexItem.SK)).isEmpty();
        assertThat(w.files).isEmpty();
    }

    @Test
    void aReportedFaultComesBackAsTheFaultFormFilledIn() {
        JsonNode reply = json(chat(w.tom, "leaky faucet in the bathroom", null));
        assertThat(reply.path("intent").asText()).isEqualTo("report_fault");
        JsonNode prefill = reply.path("prefillData");
        assertThat(prefill.path("category").asText()).isEqualTo("plumbing");
        assertThat(prefill.path("title").asText()).isEqualTo("Leaky faucet in the bathroom");
        assertThat(prefill.path("description").asText()).isEqualTo("leaky faucet in the bathroom");
        assertThat(prefill.path("unitId").asText()).isEqualTo(w.unit.getId());
        assertThat(prefill.path("buildingId").asText()).isEqualTo(w.building.getId());
        JsonNode action = reply.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("submit_fault");
        assertThat(action.path("method").asText()).isEqualTo("POST");
        assertThat(action.path("path").asText()).isEqualTo("/faults");
        assertThat(action.path("body")).isEqualTo(prefill);
    }

    @Test
    void theConversationKeepsItsContextForItsPersonOnly() {
        upload(w.mia, w.building.getId(), "House rules", "text/plain", RULES);
        JsonNode first = json(chat(w.tom, "Where are the recycling bins?", null));
        String id = first.path("conversationId").asText();
        // a short follow-up is searched with the question before it
        JsonNode second = json(chat(w.tom, "and glass?", id));
        assertThat(second.path("conversationId").asText()).isEqualTo(id);
        assertThat(second.path("response").asText()).contains("green container");
        assertThat(w.conversations.turns(w.conversations.open(w.tom, null, id))).hasSize(4);

        assertProblem(chat(w.mia, "and glass?", id), 404, "not-found");
        w.clock.advance(java.time.Duration.ofHours(25));
        assertProblem(chat(w.tom, "and glass?", id), 404, "not-found");
    }

    @Test
    void withTheAgentOffTheAssistantSaysSo() {
        w.gateway.switchAgent(w.org, AiTask.CHAT, false, w.mia);
        JsonNode problem = assertProblem(chat(w.tom, "Are dogs allowed?", null), 503, "ai-agent-off");
        assertThat(problem.path("detail").asText()).contains("switched the assistant off");
        assertThat(w.table.all(AiRunItem.class, AiRunItem.pk(w.org), AiRunItem.SK_PREFIX))
                .extracting(AiRunItem::getErrorCategory).containsExactly("agent-off");
    }

    @Test
    void someoneWithoutMembershipsIsRefused() {
        assertProblem(chat(w.user("nobody"), "Hello", null), 403, "forbidden");
    }
}
