package app.domus.maintenance;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.EquipmentItem;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.model.Features;
import app.domus.maintenance.predict.PredictionItem;
import app.domus.maintenance.predict.Predictions;
import app.domus.shared.ai.AiTask;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    final MaintenanceFixture f = new MaintenanceFixture();
    EquipmentItem boiler;
    EquipmentItem lift;

    void estate() {
        boiler = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("boiler", "Old boiler", "2004-01-15", "2023-09-01"));
        lift = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("lift", "New lift", "2024-06-01", "2026-01-20"));
        Instant now = f.clock.instant();
        f.signals.fault(f.building.getId(), "f1", "heating", now.minus(Duration.ofDays(70)));
        f.signals.fault(f.building.getId(), "f2", "heating", now.minus(Duration.ofDays(30)));
        f.signals.fault(f.building.getId(), "f3", "heating", now.minus(Duration.ofDays(6)));
        f.signals.fault(f.building.getId(), "f4", "plumbing", now.minus(Duration.ofDays(3)));
        f.signals.anomaly(f.building.getId(), "a1", "spike", now.minus(Duration.ofDays(20)));
        f.signals.anomaly(f.building.getId(), "a2", "stuck", now.minus(Duration.ofDays(200)));
        // Another building's faults are not this one's.
        f.signals.fault(f.other.getId(), "f5", "elevator", now.minus(Duration.ofDays(2)));
    }

    @Test
    void featuresCountTheEquipmentsOwnCategoryAndRecentAnomalies() {
        estate();
        var history = f.signals.of(f.building.getId());
        Features b = f.signals.features(boiler, List.of(), history);
        assertThat(b.faults90d()).isEqualTo(3);
        assertThat(b.faults365d()).isEqualTo(3);
        assertThat(b.daysSinceLastFault()).isEqualTo(6.0);
        assertThat(b.anomalies90d()).isEqualTo(1);
        assertThat(b.ageYears()).isBetween(22.0, 22.2);
        assertThat(b.daysSinceService()).isEqualTo(913.0);
        Features l = f.signals.features(lift, List.of(), history);
        assertThat(l.faults365d()).isZero();
        assertThat(l.daysSinceLastFault()).isEqualTo(Features.NEVER);
    }

    @Test
    void aRunSavesRisksWithReasonsPublishesThemAndAlertsTheManagersOfTheRiskiest() {
        estate();
        Predictions.Result result = f.run(f.org, f.building.getId());
        assertThat(result.predicted()).isEqualTo(2);
        assertThat(result.high()).isEqualTo(1);
        assertThat(result.source()).isEqualTo("model");

        List<PredictionItem> latest = f.predictions.latest(caller(f.rita), f.building.getId());
        assertThat(latest).extracting(PredictionItem::getEquipmentId).containsExactly(boiler.getId(), lift.getId());
        PredictionItem worst = latest.get(0);
        assertThat(Double.parseDouble(worst.getRisk())).isGreaterThanOrEqualTo(Predictions.HIGH);
        assertThat(worst.getLevel()).isEqualTo("high");
        assertThat(worst.getReasons()).contains("{\"feature\":\"life_used\",\"value\":1.48,").contains("days_since_last_fault");
        assertThat(worst.getModelVersion()).startsWith("gbt-s");
        assertThat(latest.get(1).getLevel()).isEqualTo("low");

        List<DomainEvent> events = f.events.ofType(MaintenanceEvents.PREDICTION_GENERATED);
        assertThat(events).hasSize(2);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.payload().get("equipmentId").asText()).isEqualTo(boiler.getId());
            assertThat(e.payload().get("level").asText()).isEqualTo("high");
            assertThat(e.payload().get("reasons").size()).isBetween(1, 3);
        });

        List<NotificationRequest> alerts = f.notifications.ofTemplate("maintenance-risk");
        assertThat(alerts).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.mia, f.max);
        assertThat(alerts.get(0).data().get("equipmentName")).isEqualTo("Old boiler");
        assertThat(alerts.get(0).data().get("reasons")).contains("=");

        // The same day again: the day's predictions are replaced, the alerts carry the same ids (the notifier sends each once).
        f.run(f.org, f.building.getId());
        assertThat(f.table.allInIndex(PredictionItem.class, "gsi1", PredictionItem.ofBuilding(f.building.getId()))).hasSize(2);
        List<String> ids = f.notifications.ofTemplate("maintenance-risk").stream().map(NotificationRequest::id).distinct().toList();
        assertThat(ids).hasSize(2);
        assertThat(f.loads.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyRunGoesThroughTheGatewayAndWithTheAgentOffFallsBackToTheRuleOfThumb() {
        estate();
        f.gateway.switchAgent(f.org, AiTask.PREDICTION, false, f.mia);
        Predictions.Result result = f.run(f.org, f.building.getId());
        assertThat(result.source()).isEqualTo("fallback");
        List<PredictionItem> latest = f.predictions.latest(caller(f.mia), f.building.getId());
        assertThat(latest).hasSize(2).allSatisfy(p -> assertThat(p.getSource()).isEqualTo("fallback"));
        assertThat(latest.get(0).getEquipmentId()).isEqualTo(boiler.getId());
        assertThat(latest.get(0).getReasons()).contains("life_used");
    }

    @Test
    void theRunIsLimitedToTheOrganisationsEquipmentAndABuildingWithoutEquipmentIsNoRun() {
        estate();
        assertThat(f.run("another-org", f.building.getId()).predicted()).isZero();
        assertThat(f.run(f.org, f.other.getId()).predicted()).isZero();
        assertThat(f.events.ofType(MaintenanceEvents.PREDICTION_GENERATED)).isEmpty();
    }

    @Test
    void aSavedPredictionNamesItsEquipmentsOrganisationBuildingDayAndTime() {
        estate();
        f.run(f.org, f.building.getId());
        List<PredictionItem> latest = f.predictions.latest(caller(f.mia), f.building.getId());
        assertThat(latest).hasSize(2).allSatisfy(p -> {
            assertThat(p.getOrganisationId()).isEqualTo(f.org);
            assertThat(p.getBuildingId()).isEqualTo(f.building.getId());
            assertThat(p.getDay()).isEqualTo("2026-03-02");
            assertThat(p.getPredictedAt()).isEqualTo(f.clock.instant().toString());
        });
        NotificationRequest alert = f.notifications.ofTemplate("maintenance-risk").getFirst();
        assertThat(Integer.parseInt(alert.data().get("risk"))).as("a percentage").isBetween(60, 100);
        assertThat(alert.data().get("risk")).isEqualTo(String.valueOf(Math.round(Double.parseDouble(latest.getFirst().getRisk()) * 100)));
    }

    @Test
    void theLatestPredictionsAreEachPieceOfEquipmentsNewestDayRiskiestFirst() {
        // The new lift first, so the riskiest (the old boiler) is not also the first by id.
        lift = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("lift", "New lift", "2024-06-01", "2026-01-20"));
        boiler = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("boiler", "Old boiler", "2004-01-15", "2023-09-01"));
        f.run(f.org, f.building.getId());
        assertThat(f.predictions.latest(caller(f.mia), f.building.getId())).extracting(PredictionItem::getEquipmentId)
                .containsExactly(boiler.getId(), lift.getId());

        f.clock.advance(Duration.ofDays(1));
        f.gateway.switchAgent(f.org, AiTask.PREDICTION, false, f.mia);
        f.run(f.org, f.building.getId());
        assertThat(f.table.allInIndex(PredictionItem.class, "gsi1", PredictionItem.ofBuilding(f.building.getId()))).hasSize(4);
        List<PredictionItem> latest = f.predictions.latest(caller(f.mia), f.building.getId());
        assertThat(latest).extracting(PredictionItem::getEquipmentId).containsExactly(boiler.getId(), lift.getId());
        assertThat(latest).allSatisfy(p -> {
            assertThat(p.getDay()).isEqualTo("2026-03-03");
            assertThat(p.getSource()).isEqualTo("fallback");
        });
    }

    @Test
    void thePlatformsHistoryLabelsEquipmentByTheFaultsThatCameAfter() {
        estate();
        var history = f.signals.of(f.building.getId());
        var labelled = Signals.labelled(boiler, List.of(), history, f.clock.instant(), Duration.ofDays(90));
        assertThat(labelled).hasValueSatisfying(e -> {
            assertThat(e.failed()).isTrue();
            assertThat(e.features().faults90d()).isZero();
        });
        assertThat(Signals.labelled(lift, List.of(), history, f.clock.instant(), Duration.ofDays(90))).hasValueSatisfying(e -> assertThat(e.failed()).isFalse());
        EquipmentItem brandNew = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", null, "2026-02-01", null));
        assertThat(Signals.labelled(brandNew, List.of(), history, f.clock.instant(), Duration.ofDays(90))).isEmpty();
    }
}
