package app.domus.assistant;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.knowledge.KnowledgeBase;
import app.domus.assistant.knowledge.KnowledgeDocumentItem;
import app.domus.assistant.knowledge.KnowledgeIndexItem;
import app.domus.assistant.knowledge.Passage;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Uploading a building's documents: what is stored, the index's revisions, the limits, and searches over buildings. */
class KnowledgeBaseTest {
    final AssistantFixture w = new AssistantFixture();

    HttpEvents post(String userId, String buildingId, String title, String mediaType, String content) {
        return HttpEvents.request("POST", "/buildings/" + buildingId + "/knowledge").pathParam("buildingId", buildingId)
                .as(userId).body(Json.write(Map.of("title", title, "mediaType", mediaType, "content", content)));
    }

    APIGatewayV2HTTPResponse upload(String userId, String buildingId, String title, String mediaType, String content) {
        return call(w.upload, post(userId, buildingId, title, mediaType, content));
    }

    JsonNode uploaded(String buildingId, String title, String content) {
        APIGatewayV2HTTPResponse response = upload(w.mia, buildingId, title, "text/plain", content);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response);
    }

    String prefix(String buildingId) {
        return "knowledge/" + w.org + "/" + buildingId + "/";
    }

    static byte[] pdf(String line) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 700);
                text.showText(line);
                text.endText();
            }
            pdf.save(bytes);
        }
        return bytes.toByteArray();
    }

    @Test
    void anUploadStoresTheDocumentItsTextAndWhoUploadedIt() {
        String content = "\n  " + AssistantTest.RULES + "  \n";
        String text = content.strip();
        JsonNode reply = uploaded(w.building.getId(), " House rules ", content);
        String documentId = reply.path("documentId").asText();
        assertThat(reply.path("buildingId").asText()).isEqualTo(w.building.getId());
        assertThat(reply.path("title").asText()).isEqualTo("House rules");
        assertThat(reply.path("mediaType").asText()).isEqualTo("text/plain");
        assertThat(reply.path("characters").asLong()).isEqualTo(text.length());
        assertThat(reply.path("indexRevision").asLong()).isEqualTo(1);

        KnowledgeDocumentItem stored = w.table.get(KnowledgeDocumentItem.class, KnowledgeDocumentItem.pk(w.building.getId()),
                KnowledgeDocumentItem.SK_PREFIX + documentId).orElseThrow();
        assertThat(stored.getDocumentId()).isEqualTo(documentId);
        assertThat(stored.getOrganisationId()).isEqualTo(w.org);
        assertThat(stored.getBuildingId()).isEqualTo(w.building.getId());
        assertThat(stored.getTitle()).isEqualTo("House rules");
        assertThat(stored.getMediaType()).isEqualTo("text/plain");
        assertThat(stored.getBytes()).as("the file as sent").isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(stored.getCharacters()).as("its text").isEqualTo(text.length());
        assertThat(stored.getTextKey()).isEqualTo(prefix(w.building.getId()) + "documents/" + documentId + ".txt");
        assertThat(stored.getUploadedBy()).isEqualTo(w.mia);
        assertThat(stored.getUploadedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(new String(w.files.get(stored.getTextKey()), StandardCharsets.UTF_8)).isEqualTo(text);

        KnowledgeIndexItem index = w.table.get(KnowledgeIndexItem.class, KnowledgeDocumentItem.pk(w.building.getId()),
                KnowledgeIndexItem.SK).orElseThrow();
        assertThat(index.getOrganisationId()).isEqualTo(w.org);
        assertThat(index.getBuildingId()).isEqualTo(w.building.getId());
        assertThat(index.getRevision()).isEqualTo(1);
        assertThat(index.getIndexKey()).isEqualTo(prefix(w.building.getId()) + "index-1.zip");
        assertThat(index.getDocuments()).isEqualTo(1);
        assertThat(index.getBuiltAt()).isEqualTo(w.clock.instant().toString());
    }

    @Test
    void eachUploadRebuildsTheIndexAndKeepsItsLastTwoRevisions() {
        String b = w.building.getId();
        assertThat(uploaded(b, "Rules", AssistantTest.RULES).path("indexRevision").asLong()).isEqualTo(1);
        assertThat(uploaded(b, "Sauna", "The sauna opens at six.").path("indexRevision").asLong()).isEqualTo(2);
        assertThat(w.deleted).as("the revision before stays for readers").isEmpty();
        assertThat(w.files).containsKeys(prefix(b) + "index-1.zip", prefix(b) + "index-2.zip");

        w.clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(uploaded(b, "Gym", "The gym is in the basement.").path("indexRevision").asLong()).isEqualTo(3);
        assertThat(w.deleted).containsExactly(prefix(b) + "index-1.zip");
        assertThat(w.files).containsKeys(prefix(b) + "index-2.zip", prefix(b) + "index-3.zip").doesNotContainKey(prefix(b) + "index-1.zip");

        KnowledgeIndexItem index = w.table.get(KnowledgeIndexItem.class, KnowledgeDocumentItem.pk(b), KnowledgeIndexItem.SK).orElseThrow();
        assertThat(index.getRevision()).isEqualTo(3);
        assertThat(index.getIndexKey()).isEqualTo(prefix(b) + "index-3.zip");
        assertThat(index.getDocuments()).isEqualTo(3);
        assertThat(index.getBuiltAt()).isEqualTo(w.clock.instant().toString());
        // the rebuilt index holds every document of the building
        assertThat(w.knowledge.search(w.org, List.of(b), "sauna")).extracting(Passage::title).containsExactly("Sauna");
        assertThat(w.knowledge.search(w.org, List.of(b), "gym basement")).extracting(Passage::title).containsExactly("Gym");
        assertThat(w.knowledge.search(w.org, List.of(b), "recycling bins")).extracting(Passage::title).containsExactly("Rules");
    }

    @Test
    void aSearchSeesTheDocumentsUploadedAfterItOpenedTheIndex() {
        String b = w.building.getId();
        uploaded(b, "Rules", AssistantTest.RULES);
        assertThat(w.knowledge.search(w.org, List.of(b), "dogs lead")).extracting(Passage::title).containsExactly("Rules");
        assertThat(w.knowledge.search(w.org, List.of(b), "sauna")).isEmpty();

        uploaded(b, "Sauna", "The sauna opens at six.");
        assertThat(w.knowledge.search(w.org, List.of(b), "sauna")).extracting(Passage::title).containsExactly("Sauna");
    }

    @Test
    void passagesOfSeveralBuildingsComeBestFirstAndAtMostThree() {
        BuildingItem second = w.building(w.org, "B2");
        w.member(w.mia, w.org, Role.MANAGER, second.getId(), null);
        String filler = " The corridors are cleaned on Mondays and the lifts are serviced twice a year by the company.".repeat(5);
        for (int i = 0; i < 3; i++) uploaded(w.building.getId(), "Notice " + i, "The sauna is mentioned here." + filler);
        for (int i = 0; i < 3; i++) uploaded(second.getId(), "Sauna " + i, "Sauna times: the sauna opens at six, the sauna closes at ten.");

        List<Passage> found = w.knowledge.search(w.org, List.of(w.building.getId(), second.getId()), "sauna");
        assertThat(found).hasSize(3).extracting(Passage::buildingId).containsOnly(second.getId());
        assertThat(found).extracting(Passage::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(w.knowledge.search(w.org, List.of(w.building.getId()), "sauna")).hasSize(3)
                .extracting(Passage::buildingId).containsOnly(w.building.getId());
    }

    @Test
    void aBuildingOfAnotherOrganisationIsNotSearched() {
        assertThat(upload(w.max, w.otherBuilding.getId(), "Other rules", "text/plain", "The sauna password is SECRET-ZEBRA.").getStatusCode())
                .isEqualTo(201);
        assertThat(w.knowledge.search(w.org, List.of(w.otherBuilding.getId()), "sauna password")).isEmpty();
        assertThat(w.knowledge.search(w.otherOrg, List.of(w.otherBuilding.getId()), "sauna password")).hasSize(1);
    }

    @Test
    void aPdfOfExactlyTheLargestSizeIsAcceptedAndOneByteMoreIsRefused() throws Exception {
        byte[] pdf = pdf("The rooftop terrace closes at 23:00.");
        byte[] largest = Arrays.copyOf(pdf, KnowledgeBase.MAX_FILE_BYTES); // padded with zero bytes after %%EOF
        APIGatewayV2HTTPResponse accepted = upload(w.mia, w.building.getId(), "Rooftop", "application/pdf",
                Base64.getEncoder().encodeToString(largest));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(201);
        assertThat(json(accepted).path("mediaType").asText()).isEqualTo("application/pdf");

        byte[] tooLarge = Arrays.copyOf(pdf, KnowledgeBase.MAX_FILE_BYTES + 1);
        assertProblem(upload(w.mia, w.building.getId(), "Rooftop", "application/pdf", Base64.getEncoder().encodeToString(tooLarge)),
                413, "payload-too-large");
    }

    @Test
    void aTextOfExactlyTheLargestLengthIsAcceptedAndOneCharacterMoreIsRefused() {
        String sentence = "Quiet hours are from ten to seven. ";
        String largest = sentence.repeat(KnowledgeBase.MAX_TEXT_CHARS / sentence.length() + 1).substring(0, KnowledgeBase.MAX_TEXT_CHARS - 1) + "x";
        assertThat(largest).hasSize(KnowledgeBase.MAX_TEXT_CHARS);
        APIGatewayV2HTTPResponse accepted = upload(w.mia, w.building.getId(), "Long rules", "text/plain", largest);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(201);
        assertThat(json(accepted).path("characters").asLong()).isEqualTo(KnowledgeBase.MAX_TEXT_CHARS);

        JsonNode refused = assertProblem(upload(w.mia, w.building.getId(), "Long rules", "text/plain", largest + "y"), 400, "validation-error");
        assertThat(fieldErrors(refused)).containsExactly("content");
    }

    @Test
    void aFileThatOnlyStartsLikeAPdfIsUnreadable() {
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/pdf",
                Base64.getEncoder().encodeToString("%PDF-".getBytes(StandardCharsets.US_ASCII))), 422, "unprocessable");
        assertProblem(upload(w.mia, w.building.getId(), "Rules", "application/pdf",
                Base64.getEncoder().encodeToString("%PDF".getBytes(StandardCharsets.US_ASCII))), 400, "validation-error");
    }

    @Test
    void aDocumentNeedsATitleOfAtMost200Characters() {
        assertThat(fieldErrors(assertProblem(upload(w.mia, w.building.getId(), "  ", "text/plain", "Some rules."), 400, "validation-error")))
                .containsExactly("title");
        assertThat(fieldErrors(assertProblem(upload(w.mia, w.building.getId(), "t".repeat(201), "text/plain", "Some rules."), 400,
                "validation-error"))).containsExactly("title");
        assertThat(upload(w.mia, w.building.getId(), "t".repeat(200), "text/plain", "Some rules.").getStatusCode()).isEqualTo(201);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstUploadBackAndIndexesItOnce() {
        String b = w.building.getId();
        IdempotentCreates.assertKeyedCreate(w.upload, () -> post(w.mia, b, "Rules", "text/plain", AssistantTest.RULES),
                () -> post(w.mia, b, "Other rules", "text/plain", "Other text."),
                () -> w.table.all(KnowledgeDocumentItem.class, KnowledgeDocumentItem.pk(b), KnowledgeDocumentItem.SK_PREFIX).size(), "documents");
        assertThat(w.table.get(KnowledgeIndexItem.class, KnowledgeDocumentItem.pk(b), KnowledgeIndexItem.SK).orElseThrow().getRevision())
                .as("indexed once").isEqualTo(1);
    }
}
