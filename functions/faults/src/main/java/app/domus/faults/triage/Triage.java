package app.domus.faults.triage;

import app.domus.shared.directory.FaultCategory;
import app.domus.faults.FaultEvents;
import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultStatus;
import app.domus.faults.FaultStore;
import app.domus.faults.Staff;
import app.domus.faults.analysis.Analysis;
import app.domus.faults.analysis.TriageChain;
import app.domus.faults.analysis.TriageInput;
import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiTask;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.events.NewEvent;
import app.domus.shared.notify.NotificationSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a fault is reported: the AI reads it, the fault goes to the building's technician with
 * the matching skill who has the fewest open faults, and the building's managers hear about it (also when no
 * technician fits, so that they assign it themselves).
 *
 * <p>Every step is safe to run again: analysis and assignment happen only while the fault lacks them, a repeated
 * {@code FaultAssigned} carries the same assignment number, and notifications carry ids the notifier delivers once.
 */
@Singleton
public class Triage {
    private static final Logger LOG = LoggerFactory.getLogger(Triage.class);
    /** Below this the AI's category is recorded but not trusted to route a fault reported as "other". */
    static final double TRUSTED_CONFIDENCE = 0.5;
    /** Attempts of a write that keeps losing to concurrent changes of the same fault. */
    private static final int ATTEMPTS = 5;
    /** The analysis of a fault whose organisation switched the triage agent off (compared by identity). */
    private static final Analysis AGENT_OFF = new Analysis(FaultCategory.OTHER, 0, java.util.List.of(), Analysis.SKIPPED);

    private final FaultStore faults;
    private final AiGateway gateway;
    private final TriageChain chain;
    private final Staff staff;
    private final NotificationSender notifications;
    private final Clock clock;

    @Inject
    public Triage(FaultStore faults, AiGateway gateway, TriageChain chain, Staff staff,
                  NotificationSender notifications, Clock clock) {
        this.faults = faults;
        this.gateway = gateway;
        this.chain = chain;
        this.staff = staff;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void triage(String faultId) {
        FaultItem fault = faults.find(faultId).orElse(null);
        if (fault == null) {
            LOG.warn("Fault {} to triage does not exist", faultId);
            return;
        }
        if (fault.getAnalysedAt() == null) {
            Analysis analysis = analyse(fault);
            fault = change(faultId, f -> f.getAnalysedAt() != null ? List.of() : List.of(record(f, analysis)), f -> List.of());
        }
        FaultCategory trade = tradeNeeded(fault);
        if (fault.getAssigneeId() == null && fault.statusValue() == FaultStatus.NEW) {
            Optional<String> technician = leastBusyTechnician(fault.getBuildingId(), trade);
            if (technician.isPresent()) {
                fault = change(faultId, f -> f.getAssigneeId() != null || f.statusValue() != FaultStatus.NEW ? List.of()
                        : List.of(assign(f, technician.get(), trade)), f -> List.of(FaultEvents.assigned(f)));
            }
        }
        tellManagers(fault, trade);
    }

    /**
     * The trade the fault needs: the reporter's category, unless they chose "other" and the AI is confident
     * of a better one.
     */
    static FaultCategory tradeNeeded(FaultItem fault) {
        FaultCategory given = fault.categoryValue();
        if (given != FaultCategory.OTHER || fault.getAiCategory() == null) return given;
        boolean trusted = fault.getAiConfidence() != null && fault.getAiConfidence() >= TRUSTED_CONFIDENCE;
        return trusted ? FaultCategory.valueOf(fault.getAiCategory()) : given;
    }

    /**
     * Through the AI gateway (cache, fallback along the chain, the run log). A failing AI must not hold a fault back from
     * its technician: the analysis is then recorded as failed. With the organisation's triage agent switched off, the
     * documented fallback: the fault is routed by the reporter's category, and its history says the agent was off.
     */
    private Analysis analyse(FaultItem fault) {
        try {
            return gateway.run(AiTask.FAULT_TRIAGE, fault.getOrganisationId(), TriageInput.of(fault), Analysis.class, chain.providers()).output();
        } catch (AiAgentOff e) {
            LOG.info("Fault {} is not analysed: {}", fault.getId(), e.getMessage());
            return AGENT_OFF;
        } catch (RuntimeException e) {
            LOG.error("Analysis of fault {} failed; it is routed by the reporter's category", fault.getId(), e);
            return null;
        }
    }

    private FaultHistoryItem record(FaultItem fault, Analysis analysis) {
        String now = clock.instant().toString();
        fault.setAnalysedAt(now);
        if (analysis == AGENT_OFF) {
            fault.setPhotoAnalysis(Analysis.SKIPPED);
            return fault.record(now, FaultItem.SYSTEM, FaultHistoryItem.ANALYSED).note("not analysed: the organisation's triage agent is switched off");
        }
        if (analysis == null) {
            fault.setPhotoAnalysis(Analysis.FAILED);
            return fault.record(now, FaultItem.SYSTEM, FaultHistoryItem.ANALYSED).note("analysis failed");
        }
        fault.setAiCategory(analysis.category().name());
        fault.setAiConfidence(Math.round(analysis.confidence() * 1000) / 1000.0);
        fault.setAiTags(analysis.tags());
        fault.setPhotoAnalysis(analysis.photoAnalysis());
        return fault.record(now, FaultItem.SYSTEM, FaultHistoryItem.ANALYSED)
                .note(String.format(Locale.ROOT, "%s (confidence %.2f)", analysis.category().wire(), analysis.confidence()));
    }

    private Optional<String> leastBusyTechnician(String buildingId, FaultCategory trade) {
        return staff.techniciansOf(buildingId).stream()
                .filter(m -> m.getSkills() != null && m.getSkills().contains(trade.wire()))
                .map(MembershipItem::getUserId).distinct()
                .map(userId -> Map.entry(userId, faults.openFaultsOf(userId)))
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    private FaultHistoryItem assign(FaultItem fault, String technician, FaultCategory trade) {
        String now = clock.instant().toString();
        fault.setAssigneeId(technician);
        fault.setAssignedBy(FaultItem.SYSTEM);
        fault.setAssignedAt(now);
        fault.setAssignments(fault.getAssignments() == null ? 1 : fault.getAssignments() + 1);
        fault.index();
        return fault.record(now, FaultItem.SYSTEM, FaultHistoryItem.ASSIGNED).assignee(technician)
                .note("automatic: the least busy technician skilled in " + trade.wire());
    }

    private void tellManagers(FaultItem fault, FaultCategory trade) {
        boolean assigned = fault.getAssigneeId() != null;
        Map<String, String> data = Map.of(
                "title", fault.getTitle(),
                "building", staff.buildingName(fault.getBuildingId()),
                "category", trade.wire(),
                "assignee", assigned ? staff.nameOf(fault.getAssigneeId()) : "nobody");
        for (String manager : staff.managersOf(fault.getOrganisationId(), fault.getBuildingId())) {
            notifications.send(new NotificationRequest("fault-reported-" + fault.getId() + "-" + manager, manager, null,
                    Category.FAULTS, assigned ? "fault-reported" : "fault-unassigned", data));
        }
    }

    /**
     * Re-reads and re-applies the change until it is written, with the events {@code announce} gives for the
     * changed fault, or nothing is left to change.
     */
    private FaultItem change(String faultId, Function<FaultItem, List<FaultHistoryItem>> change,
                             Function<FaultItem, List<NewEvent>> announce) {
        for (int attempt = 1; ; attempt++) {
            FaultItem fault = faults.require(faultId);
            List<FaultHistoryItem> entries = change.apply(fault);
            if (entries.isEmpty() || faults.update(fault, entries, announce.apply(fault))) return fault;
            if (attempt == ATTEMPTS) throw new IllegalStateException("Fault " + faultId + " kept changing; triage will be retried");
        }
    }
}
