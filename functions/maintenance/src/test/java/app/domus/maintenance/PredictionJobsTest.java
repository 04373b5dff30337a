package app.domus.maintenance;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.model.Features;
import app.domus.maintenance.model.RiskModel;
import app.domus.maintenance.model.Training;
import app.domus.maintenance.predict.ModelCache;
import app.domus.maintenance.predict.PredictMaintenanceHandler;
import app.domus.maintenance.predict.PredictionItem;
import app.domus.maintenance.predict.PredictionRequests;
import app.domus.maintenance.predict.S3ModelStore;
import app.domus.maintenance.predict.ScheduleMaintenancePredictionsHandler;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The daily job, the prediction queue's function, the models they hand over, and the wiring that builds them. */
class PredictionJobsTest {
    static final String URL = "https://models.test/maintenance/models/v7.ubj";
    static final S3Presigner PRESIGNER = S3Presigner.builder().region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))).build();
    static final List<Features> ROWS = List.of(new Features(22, 1.47, 3, 6, 10, 2, 800), new Features(2, 0.13, 0, 0, Features.NEVER, 0, 60));

    final MaintenanceFixture f = new MaintenanceFixture();
    final Doubles.RecordingSqs sqs = new Doubles.RecordingSqs();
    final Doubles.FileServer files = new Doubles.FileServer();
    final Doubles.MapS3 s3 = new Doubles.MapS3();

    void equipment() {
        f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("boiler", "Old boiler", "2004-01-15", "2023-09-01"));
        f.equipment.register(caller(f.carl), f.other.getId(), new Equipment.NewEquipment("lift", "Lift", "2020-01-01", null));
    }

    static List<JsonNode> queued(Doubles.RecordingSqs sqs) {
        return sqs.batches.stream().flatMap(b -> b.entries().stream()).map(SendMessageBatchRequestEntry::messageBody)
                .map(body -> Json.read(body, JsonNode.class)).toList();
    }

    @Test
    void aPublishedModelIsDownloadedOnceAndPredictsAsTheSavedOne() {
        files.files.put(URL, MaintenanceFixture.MODEL.bytes());
        ModelCache cache = new ModelCache(files);
        RiskModel first = cache.model("v7", URL);
        assertThat(cache.model("v7", URL)).isSameAs(first);
        assertThat(files.requested).containsExactly(URL);
        assertThat(first.version()).isEqualTo("v7");
        assertThat(first.predict(ROWS)).isEqualTo(MaintenanceFixture.MODEL.predict(ROWS));
    }

    @Test
    void aModelFileThatIsNotThereFailsLoudly() {
        ModelCache cache = new ModelCache(files);
        assertThatThrownBy(() -> cache.model("v8", "https://models.test/missing.ubj")).isInstanceOf(IllegalStateException.class).hasMessageContaining("404");
    }

    @Test
    void withoutAPublishedModelTheBootstrapOneIsTrainedOnceAndSaysSo() {
        ModelCache cache = new ModelCache(files);
        RiskModel bootstrap = cache.model(null, null);
        assertThat(bootstrap.version()).isEqualTo("gbt-s" + Training.SEED + "-n" + Training.SYNTHETIC + "-p0");
        assertThat(cache.model("v7", null)).isSameAs(bootstrap);
        assertThat(cache.model(null, URL)).isSameAs(bootstrap);
        assertThat(files.requested).isEmpty();
        List<RiskModel.Prediction> p = bootstrap.predict(ROWS);
        assertThat(p.get(0).risk()).isGreaterThan(p.get(1).risk());
    }

    @Test
    void aPredictionMessageScoresItsBuildingWithTheModelItNames() {
        equipment();
        files.files.put(URL, MaintenanceFixture.MODEL.bytes());
        PredictMaintenanceHandler handler = new PredictMaintenanceHandler(f.predictions, new ModelCache(files), sqs, "https://sqs/dlq");
        var response = handler.handleRequest(SqsEvents.batch(Json.write(new PredictionRequests.Message(f.org, f.building.getId(), "v7", URL))),
                new TestContext());
        assertThat(SqsEvents.failed(response)).isEmpty();
        assertThat(sqs.sent).isEmpty();
        assertThat(f.predictions.latest(caller(f.mia), f.building.getId())).singleElement().satisfies(p -> {
            assertThat(p.getModelVersion()).isEqualTo("v7");
            assertThat(p.getSource()).isEqualTo("model");
        });
    }

    @Test
    void aMessageNamingNoBuildingOrOrganisationIsDeadLetteredAtOnce() {
        equipment();
        PredictMaintenanceHandler handler = new PredictMaintenanceHandler(f.predictions, new ModelCache(files), sqs, "https://sqs/dlq");
        var response = handler.handleRequest(SqsEvents.batch(Json.write(new PredictionRequests.Message(f.org, null, null, null)),
                Json.write(new PredictionRequests.Message(null, f.building.getId(), null, null))), new TestContext());
        assertThat(SqsEvents.failed(response)).isEmpty();
        assertThat(sqs.sent).hasSize(2).allSatisfy(m -> {
            assertThat(m.queueUrl()).isEqualTo("https://sqs/dlq");
            assertThat(m.messageAttributes().get("reason").stringValue()).contains("organisationId and buildingId are required");
        });
        assertThat(f.table.allInIndex(PredictionItem.class, "gsi1", PredictionItem.ofBuilding(f.building.getId()))).isEmpty();
    }

    @Test
    void theDailyJobQueuesEveryBuildingWithEquipmentNamingTheCurrentModelsFile() {
        equipment();
        s3.objects.put(S3ModelStore.CURRENT, "v9\n".getBytes(StandardCharsets.UTF_8));
        var job = new ScheduleMaintenancePredictionsHandler(f.equipment, new PredictionRequests(sqs, "https://sqs/predictions"),
                new S3ModelStore(s3, PRESIGNER, "models-bucket"));
        Map<String, Object> result = job.handleRequest(Map.of(), new TestContext());
        assertThat(result).containsEntry("queued", 2);
        assertThat(sqs.batches).singleElement().satisfies(b -> assertThat(b.queueUrl()).isEqualTo("https://sqs/predictions"));
        assertThat(queued(sqs)).extracting(m -> m.path("buildingId").asText()).containsExactlyInAnyOrder(f.building.getId(), f.other.getId());
        assertThat(queued(sqs)).allSatisfy(m -> {
            assertThat(m.path("organisationId").asText()).isEqualTo(f.org);
            assertThat(m.path("modelVersion").asText()).isEqualTo("v9");
            assertThat(m.path("modelUrl").asText()).contains("models-bucket").contains("maintenance/models/v9.ubj").contains("X-Amz-Expires=21600");
        });
        assertThat(s3.buckets).containsOnly("models-bucket");
    }

    @Test
    void beforeAnyModelIsPublishedTheMessagesNameNone() {
        equipment();
        new ScheduleMaintenancePredictionsHandler(f.equipment, new PredictionRequests(sqs, "https://sqs/predictions"),
                new S3ModelStore(s3, PRESIGNER, "models-bucket")).handleRequest(Map.of(), new TestContext());
        assertThat(queued(sqs)).hasSize(2).allSatisfy(m -> {
            PredictionRequests.Message read = Json.read(m.toString(), PredictionRequests.Message.class);
            assertThat(read.buildingId()).isNotBlank();
            assertThat(read.modelVersion()).isNull();
            assertThat(read.modelUrl()).isNull();
        });
        assertThat(new S3ModelStore(s3, PRESIGNER, "").current()).isEmpty();
        assertThat(new S3ModelStore(s3, PRESIGNER, null).current()).isEmpty();
    }

    @Test
    void publishingSavesTheModelUnderItsVersionAndMakesItCurrent() {
        S3ModelStore.publish(s3, "models-bucket", MaintenanceFixture.MODEL);
        String version = MaintenanceFixture.MODEL.version();
        assertThat(new String(s3.objects.get(S3ModelStore.CURRENT), StandardCharsets.UTF_8)).isEqualTo(version);
        assertThat(s3.types).containsEntry(S3ModelStore.CURRENT, "text/plain").containsEntry(S3ModelStore.PREFIX + version + ".ubj", "application/ubjson");
        assertThat(RiskModel.load(s3.objects.get(S3ModelStore.PREFIX + version + ".ubj"), version).predict(ROWS))
                .isEqualTo(MaintenanceFixture.MODEL.predict(ROWS));
        assertThat(new S3ModelStore(s3, PRESIGNER, "models-bucket").current()).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(version);
            assertThat(p.url()).contains(S3ModelStore.PREFIX + version + ".ubj");
        });
    }

    @Test
    void theModulesBuildTheServicesOverWhatTheyAreGivenAndTheirVariables() {
        Equipment equipment = MaintenanceModule.equipment(f.table, f.access, f.clock);
        equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", null, "2020-01-01", null));
        assertThat(f.equipment.ofBuilding(f.building.getId())).hasSize(1);
        f.signals.fault(f.building.getId(), "f1", "plumbing", f.clock.instant());
        assertThat(MaintenanceModule.signals(f.table, f.clock).of(f.building.getId())).hasSize(1);
        var predictions = MaintenanceModule.predictions(f.table, f.equipment, f.signals, f.access, f.gateway, f.outbox, f.notifications, f.clock);
        assertThat(predictions.run(f.org, f.building.getId(), () -> MaintenanceFixture.MODEL).predicted()).isEqualTo(1);
        files.files.put(URL, MaintenanceFixture.MODEL.bytes());
        assertThat(MaintenanceModule.modelCache(files).model("v7", URL).version()).isEqualTo("v7");
        Env.with(Map.of("PREDICTION_QUEUE_URL", "https://sqs/from-env", "MODELS_BUCKET", "bucket-from-env"), () -> {
            MaintenanceModule.requests(sqs).send(List.of(new PredictionRequests.Message(f.org, f.building.getId(), null, null)));
            ModelsModule.models(s3, PRESIGNER).current();
            return null;
        });
        assertThat(sqs.batches).singleElement().satisfies(b -> assertThat(b.queueUrl()).isEqualTo("https://sqs/from-env"));
        assertThat(s3.buckets).containsExactly("bucket-from-env");
    }
}
