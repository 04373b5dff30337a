package app.domus.tenancy.ai;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.ai.AgentSettingItem;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.ai.AiTask;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an organisation's admins see and switch of the AI layer: the log of every AI run for the organisation (newest
 * first, by task and status, paged) and each task's agent, on or off. Anyone else of the organisation gets 403,
 * outsiders 404.
 */
@Singleton
public class AiAdministration {
    public record RunView(String runId, String task, String status, String provider, String model, Boolean cached, String startedAt,
                          String endedAt, Long latencyMs, Integer inputTokens, Integer outputTokens, Long costMicros, String errorCategory,
                          String error, List<String> attempts, String inputHash) {
        static RunView of(AiRunItem r) {
            return new RunView(r.getRunId(), r.getTask(), r.getStatus(), r.getProvider(), r.getModel(), r.getCached(), r.getStartedAt(),
                    r.getEndedAt(), r.getLatencyMs(), r.getInputTokens(), r.getOutputTokens(), r.getCostMicros(), r.getErrorCategory(),
                    r.getError(), r.getAttempts() == null ? List.of() : r.getAttempts(), r.getInputHash());
        }
    }

    public record AgentView(String task, boolean enabled, String updatedAt, String updatedBy) {}

    public record Agents(List<AgentView> items) {}

    public static final List<String> STATUSES = List.of(AiRunItem.RUNNING, AiRunItem.DONE, AiRunItem.FAILED);

    private final DomusTable table;
    private final AccessService access;
    private final AiGateway gateway;

    @Inject
    public AiAdministration(DomusTable table, AccessService access, AiGateway gateway) {
        this.table = table;
        this.access = access;
        this.gateway = gateway;
    }

    /** The organisation's runs, newest first; {@code task} and {@code status} narrow them (null: any). */
    public Page<RunView> runs(Caller caller, String organisationId, String task, String status, int limit, String cursor) {
        access.organisation(caller, organisationId, Action.MANAGE);
        if (task != null) task(task);
        if (status != null && !STATUSES.contains(status)) throw ApiException.validation("status", "must be one of " + STATUSES);
        String pk = AiRunItem.pk(organisationId);
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(AiRunItem.SK_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", pk));
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (task != null) {
            conditions.add("#task = :task");
            names.put("#task", "task");
            values.put(":task", AttributeValue.fromS(task));
        }
        if (status != null) {
            conditions.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", AttributeValue.fromS(status));
        }
        if (!conditions.isEmpty()) {
            query.filterExpression(Expression.builder().expression(String.join(" AND ", conditions)).expressionNames(names)
                    .expressionValues(values).build());
        }
        var page = table.of(AiRunItem.class).query(query.build()).iterator().next();
        return new Page<>(page.items().stream().map(RunView::of).toList(), Cursor.encode(page.lastEvaluatedKey()));
    }

    public Agents agents(Caller caller, String organisationId) {
        access.organisation(caller, organisationId, Action.MANAGE);
        Map<String, AgentSettingItem> set = new HashMap<>();
        table.all(AgentSettingItem.class, AgentSettingItem.pk(organisationId), "AI_AGENT#").forEach(a -> set.put(a.getTask(), a));
        return new Agents(Arrays.stream(AiTask.values()).map(t -> {
            AgentSettingItem s = set.get(t.wire());
            return s == null ? new AgentView(t.wire(), true, null, null)
                    : new AgentView(t.wire(), !Boolean.FALSE.equals(s.getEnabled()), s.getUpdatedAt(), s.getUpdatedBy());
        }).toList());
    }

    public AgentView switchAgent(Caller caller, String organisationId, String task, boolean enabled) {
        access.organisation(caller, organisationId, Action.MANAGE);
        AgentSettingItem s = gateway.switchAgent(organisationId, task(task), enabled, caller.userId());
        return new AgentView(s.getTask(), s.getEnabled(), s.getUpdatedAt(), s.getUpdatedBy());
    }

    private static AiTask task(String wire) {
        try {
            return AiTask.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("task", "must be one of " + Arrays.stream(AiTask.values()).map(AiTask::wire).toList());
        }
    }
}
