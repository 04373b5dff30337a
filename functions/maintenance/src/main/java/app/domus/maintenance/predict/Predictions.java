package app.domus.maintenance.predict;

import app.domus.maintenance.MaintenanceEvents;
import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.EquipmentItem;
import app.domus.maintenance.equipment.SignalItem;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.model.Features;
import app.domus.maintenance.model.RiskModel;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiFailure;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.ai.AiTask;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.Outbox;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A building's prediction run: each piece of its equipment's features (its age, its category's faults, the building's
 * meter anomalies, its services), scored by the risk model through the kernel's AI gateway ({@link AiTask#PREDICTION},
 * the organisation's agent switch, the run logged and cached for the day), saved with the top reasons, each with
 * {@code PredictionGenerated} in its transaction; a high risk alerts the building's managers. With the prediction agent
 * switched off, or the model failing, the documented fallback: a rule of thumb over the same features (life used,
 * recent faults and anomalies, a year without service), saved with {@code source: fallback}.
 */
public class Predictions {
    private static final Logger LOG = LoggerFactory.getLogger(Predictions.class);
    public static final double HIGH = 0.6;
    public static final double MEDIUM = 0.3;
    static final int REASONS = 3;

    /** What the gateway is asked: the gateway's cache key, so a new model version or new features is a new run. */
    public record Input(String buildingId, String modelVersion, List<Features> rows) {}

    public record Scored(double risk, List<RiskModel.Reason> reasons) {}

    public record Output(List<Scored> scored) {}

    public record Result(String buildingId, int predicted, int high, String source) {}

    private final DomusTable table;
    private final Equipment equipment;
    private final Signals signals;
    private final AccessService access;
    private final AiGateway gateway;
    private final Outbox outbox;
    private final NotificationSender notifications;
    private final Clock clock;

    public Predictions(DomusTable table, Equipment equipment, Signals signals, AccessService access, AiGateway gateway,
                       Outbox outbox, NotificationSender notifications, Clock clock) {
        this.table = table;
        this.equipment = equipment;
        this.signals = signals;
        this.access = access;
        this.gateway = gateway;
        this.outbox = outbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Result run(String organisationId, String buildingId, java.util.function.Supplier<RiskModel> models) {
        List<EquipmentItem> items = equipment.ofBuilding(buildingId).stream()
                .filter(e -> organisationId.equals(e.getOrganisationId())).toList();
        if (items.isEmpty()) return new Result(buildingId, 0, 0, "none");
        List<SignalItem> history = signals.of(buildingId);
        List<Features> rows = items.stream().map(e -> signals.features(e, equipment.records(e.getId()), history)).toList();
        String source = "model";
        String version;
        List<Scored> scored;
        try {
            RiskModel model = models.get();
            version = model.version();
            AiProvider<Input, Output> local = AiProvider.of("local", "xgboost-" + version,
                    input -> AiProvider.Answer.free(new Output(model.predict(input.rows()).stream()
                            .map(p -> new Scored(p.risk(), p.top(REASONS))).toList())));
            scored = gateway.run(AiTask.PREDICTION, organisationId, new Input(buildingId, version, rows), Output.class, List.of(local))
                    .output().scored();
        } catch (AiAgentOff | AiFailure e) {
            LOG.info("Building {}: predictions by the rule of thumb ({})", buildingId, e.getMessage());
            source = "fallback";
            version = "rule-of-thumb-1";
            scored = rows.stream().map(Predictions::ruleOfThumb).toList();
        }
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        List<MembershipItem> managers = access.membersOf(buildingId, Role.MANAGER);
        int high = 0;
        for (int i = 0; i < items.size(); i++) {
            PredictionItem saved = save(items.get(i), rows.get(i), scored.get(i), day, source, version);
            if ("high".equals(saved.getLevel())) {
                high++;
                alert(items.get(i), saved, scored.get(i), managers);
            }
        }
        return new Result(buildingId, items.size(), high, source);
    }

    /** The latest predictions of a building's equipment, riskiest first (its members read them). */
    public List<PredictionItem> latest(Caller caller, String buildingId) {
        access.building(caller, buildingId, Action.READ);
        Map<String, PredictionItem> latest = new LinkedHashMap<>();
        for (PredictionItem p : table.allInIndex(PredictionItem.class, TableItem.GSI1, PredictionItem.ofBuilding(buildingId))) {
            PredictionItem seen = latest.get(p.getEquipmentId());
            if (seen == null || p.getDay().compareTo(seen.getDay()) > 0) latest.put(p.getEquipmentId(), p);
        }
        List<PredictionItem> out = new ArrayList<>(latest.values());
        out.sort((a, b) -> Double.compare(Double.parseDouble(b.getRisk()), Double.parseDouble(a.getRisk())));
        return out;
    }

    private PredictionItem save(EquipmentItem e, Features features, Scored scored, String day, String source, String version) {
        PredictionItem item = new PredictionItem();
        item.setPk(EquipmentItem.pk(e.getId()));
        item.setSk(PredictionItem.sk(day));
        item.setGsi1pk(PredictionItem.ofBuilding(e.getBuildingId()));
        item.setGsi1sk(day + "#" + e.getId());
        item.setEquipmentId(e.getId());
        item.setOrganisationId(e.getOrganisationId());
        item.setBuildingId(e.getBuildingId());
        item.setDay(day);
        item.setRisk(String.format(Locale.ROOT, "%.4f", scored.risk()));
        item.setLevel(level(scored.risk()));
        item.setReasons(Json.write(scored.reasons()));
        item.setSource(source);
        item.setModelVersion(version);
        item.setPredictedAt(clock.instant().toString());
        // A second run the same day replaces the day's prediction (its version, so the put is allowed).
        table.get(PredictionItem.class, item.getPk(), item.getSk()).ifPresent(earlier -> item.setVersion(earlier.getVersion()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("predictionId", e.getId() + ":" + day);
        payload.put("equipmentId", e.getId());
        payload.put("organisationId", e.getOrganisationId());
        payload.put("buildingId", e.getBuildingId());
        payload.put("type", e.getType());
        payload.put("name", e.getName());
        payload.put("day", day);
        payload.put("risk", item.getRisk());
        payload.put("level", item.getLevel());
        payload.put("reasons", scored.reasons());
        payload.put("source", source);
        payload.put("modelVersion", version);
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(PredictionItem.class), item);
        outbox.add(tx, MaintenanceEvents.PREDICTION_GENERATED, e.getOrganisationId(), e.getId(), payload);
        table.client().transactWriteItems(tx.build());
        return item;
    }

    private void alert(EquipmentItem e, PredictionItem p, Scored scored, List<MembershipItem> managers) {
        String reasons = String.join(", ", scored.reasons().stream().map(Predictions::describe).toList());
        for (MembershipItem manager : managers) {
            notifications.send(new NotificationRequest("maintenance-risk:" + e.getId() + ":" + p.getDay() + ":" + manager.getUserId(),
                    manager.getUserId(), null, Category.FAULTS, "maintenance-risk",
                    Map.of("equipmentId", e.getId(), "equipmentName", e.getName(), "equipmentType", e.getType(),
                            "buildingId", e.getBuildingId(), "risk", String.valueOf(Math.round(Double.parseDouble(p.getRisk()) * 100)),
                            "reasons", reasons.isEmpty() ? "no single reason stands out" : reasons)));
        }
    }

    static String level(double risk) {
        return risk >= HIGH ? "high" : risk >= MEDIUM ? "medium" : "low";
    }

    /** A reason in words, e.g. "faults_90d = 3". */
    static String describe(RiskModel.Reason r) {
        String value = r.value() == Math.rint(r.value()) ? String.valueOf((long) r.value()) : String.format(Locale.ROOT, "%.2f", r.value());
        return r.feature() + " = " + value;
    }

    /**
     * The fallback: half the share of its type's life used, 0.15 a fault of its category in 90 days, 0.1 an anomaly,
     * 0.2 for more than a year without service, capped at 0.95; its reasons are those terms, largest first.
     */
    static Scored ruleOfThumb(Features f) {
        List<RiskModel.Reason> terms = new ArrayList<>();
        terms.add(new RiskModel.Reason("life_used", f.lifeUsed(), 0.5 * Math.min(f.lifeUsed(), 1.5)));
        terms.add(new RiskModel.Reason("faults_90d", f.faults90d(), 0.15 * f.faults90d()));
        terms.add(new RiskModel.Reason("anomalies_90d", f.anomalies90d(), 0.1 * f.anomalies90d()));
        terms.add(new RiskModel.Reason("days_since_service", f.daysSinceService(), f.daysSinceService() > 365 ? 0.2 : 0));
        double risk = Math.min(0.95, terms.stream().mapToDouble(RiskModel.Reason::contribution).sum());
        terms.sort((a, b) -> Double.compare(b.contribution(), a.contribution()));
        return new Scored(Math.round(risk * 10000) / 10000.0, terms.stream().filter(t -> t.contribution() > 0).limit(REASONS).toList());
    }
}
