package app.domus.listings.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.listings.ListingItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsRequest;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.Label;

/** The AWS provider over scripted Bedrock and Rekognition clients: what it asks, and how their answers become suggestions. */
class AwsListingEnricherTest {
    private final List<ConverseRequest> conversations = new CopyOnWriteArrayList<>();
    private final List<DetectLabelsRequest> detections = new CopyOnWriteArrayList<>();
    private volatile String modelAnswer = "{\"labels\":[]}";
    private final Map<String, List<Label>> photoLabels = new java.util.concurrent.ConcurrentHashMap<>();

    private final BedrockRuntimeClient bedrock = new BedrockRuntimeClient() {
        @Override
        public ConverseResponse converse(ConverseRequest request) {
            conversations.add(request);
            return ConverseResponse.builder().output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText(modelAnswer)).build())).build();
        }

        @Override
        public String serviceName() { return "bedrock"; }

        @Override
        public void close() { }
    };

    private final RekognitionClient rekognition = new RekognitionClient() {
        @Override
        public DetectLabelsResponse detectLabels(DetectLabelsRequest request) {
            detections.add(request);
            List<Label> labels = photoLabels.get(request.image().s3Object().name());
            if (labels == null) throw new IllegalStateException("unsupported image");
            return DetectLabelsResponse.builder().labels(labels).build();
        }

        @Override
        public String serviceName() { return "rekognition"; }

        @Override
        public void close() { }
    };

    private final AwsListingEnricher enricher = new AwsListingEnricher(bedrock, rekognition, "model-x", "photos-bucket");

    private static ListingItem listing(String description) {
        ListingItem listing = new ListingItem();
        listing.setId("L1");
        listing.setDescription(description);
        return listing;
    }

    private static Label label(String name, float confidence) {
        return Label.builder().name(name).confidence(confidence).build();
    }

    private static Map<String, Double> byId(List<ListingEnricher.Suggested> suggested) {
        Map<String, Double> ids = new java.util.LinkedHashMap<>();
        suggested.forEach(s -> ids.put(s.label().id() + "/" + s.source(), s.confidence()));
        return ids;
    }

    @Test
    void theModelReadsTheDescriptionBetweenMarkersAndPicksFromTheVocabularyOnly() {
        modelAnswer = "{\"labels\":[{\"label\":\"Garden\",\"confidence\":0.8},{\"label\":\"moat\",\"confidence\":0.9}]}";

        var suggested = enricher.enrich(listing("A garden flat"), List.of());

        assertThat(byId(suggested)).containsExactly(Map.entry("feature-garden/bedrock", 0.8));
        ConverseRequest asked = conversations.getFirst();
        assertThat(asked.modelId()).isEqualTo("model-x");
        assertThat(asked.messages().getFirst().content().getFirst().text()).isEqualTo("<description>\nA garden flat\n</description>");
        assertThat(asked.system().getFirst().text()).contains("features: " + String.join(", ", Vocabulary.FEATURES))
                .contains("tags: " + String.join(", ", Vocabulary.TAGS));
        assertThat(asked.inferenceConfig().temperature()).isZero();
        assertThat(asked.inferenceConfig().maxTokens()).isEqualTo(300);
        assertThat(detections).isEmpty();
    }

    @Test
    void aListingWithoutADescriptionIsNotSentToTheModel() {
        assertThat(enricher.enrich(listing(null), List.of())).isEmpty();
        assertThat(enricher.enrich(listing("  "), List.of())).isEmpty();
        assertThat(conversations).isEmpty();
    }

    @Test
    void theFirstThreePhotosAreLabelledFromTheBucketAndTheSurerSourceOfALabelWins() {
        modelAnswer = "{\"labels\":[{\"label\":\"pool\",\"confidence\":0.95},{\"label\":\"garden\",\"confidence\":0.5}]}";
        photoLabels.put("p1.jpg", List.of(label("Swimming Pool", 90f), label("Lawn", 85f), label("Sky", 99f)));
        photoLabels.put("p2.jpg", List.of(label("Fireplace", 81f), label("Yard", 70f)));
        photoLabels.put("p4.jpg", List.of(label("Garage", 99f)));

        var suggested = enricher.enrich(listing("Pool and garden"), List.of("p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg"));

        assertThat(detections).extracting(d -> d.image().s3Object().name()).containsExactly("p1.jpg", "p2.jpg", "p3.jpg");
        assertThat(detections).allSatisfy(d -> {
            assertThat(d.image().s3Object().bucket()).isEqualTo("photos-bucket");
            assertThat(d.maxLabels()).isEqualTo(20);
            assertThat(d.minConfidence()).isEqualTo(80f);
        });
        Map<String, Double> ids = byId(suggested);
        assertThat(ids.keySet()).containsExactly("feature-pool/bedrock", "feature-garden/rekognition", "feature-fireplace/rekognition");
        assertThat(ids.get("feature-pool/bedrock")).as("the model was surer than the photo").isEqualTo(0.95);
        assertThat(ids.get("feature-garden/rekognition")).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ids.get("feature-fireplace/rekognition")).isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void onePhotoRekognitionCannotReadLeavesTheOthers() {
        photoLabels.put("b.jpg", List.of(label("Balcony", 88f)));
        var suggested = enricher.enrich(listing(null), List.of("unreadable.webp", "b.jpg"));
        assertThat(byId(suggested).keySet()).containsExactly("feature-balcony/rekognition");
    }

    @Test
    void theModelsAnswerIsReadFromItsOutermostBracesAndMalformedAnswersGiveNothing() {
        assertThat(AwsListingEnricher.parse("no json")).isEmpty();
        assertThat(AwsListingEnricher.parse("} before {")).isEmpty();
        assertThat(AwsListingEnricher.parse("{not json}")).isEmpty();
        assertThat(AwsListingEnricher.parse("{\"other\":1}")).isEmpty();
        var labels = AwsListingEnricher.parse("Sure! {\"labels\":[{\"label\":\"Sea View\",\"confidence\":-3},{\"label\":\"bright\"}]} Hope it helps");
        assertThat(labels).extracting(s -> s.label().id()).containsExactly("feature-sea-view", "tag-bright");
        assertThat(labels).extracting(ListingEnricher.Suggested::confidence).containsExactly(0.0, 0.0);
        assertThat(labels).extracting(ListingEnricher.Suggested::source).containsOnly(AwsListingEnricher.TEXT_SOURCE);
        assertThat(AwsListingEnricher.parse("{\"labels\":[{\"label\":\"quiet\",\"confidence\":0.4}]}").getFirst().confidence()).isEqualTo(0.4);
    }
}
