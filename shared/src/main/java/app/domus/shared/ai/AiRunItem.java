package app.domus.shared.ai;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One run of an AI task, for the organisation's admins and the metrics: pk {@code AIRUNS#<organisationId>}, sk
 * {@code RUN#<startedAt>#<runId>} (newest last; lists read backwards). Written {@code running} when it starts and
 * {@code done} or {@code failed} when it ends, with the provider and model that answered (or {@code cache}), latency,
 * tokens, cost in millionths of a dollar, the failure's category, and each provider attempt ({@code provider:outcome}).
 * Kept 90 days (TTL).
 */
public class AiRunItem extends TableItem {
    public static final String RUNNING = "running", DONE = "done", FAILED = "failed";
    public static final String SK_PREFIX = "RUN#";
    
    public static String pk(String organisationId) { return "AIRUNS#" + organisationId; }

    private String runId;
    private String organisationId;
    private String task;
    private String inputHash;
    private String status;
    private String provider;
    private String model;
    private Boolean cached;
    private String startedAt;
    private String endedAt;
    private Long latencyMs;
    private Integer inputTokens;
    private Integer outputTokens;
    private Long costMicros;
    private String errorCategory;
    private String error;
    private List<String> attempts;

    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public String getInputHash() { return inputHash; }
    public void setInputHash(String inputHash) { this.inputHash = inputHash; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public Boolean getCached() { return cached; }
    public void setCached(Boolean cached) { this.cached = cached; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
    public String getEndedAt() { return endedAt; }
    public void setEndedAt(String endedAt) { this.endedAt = endedAt; }
    public Long getLatencyMs() { return latencyMs; }
    public void setLatencyMs(Long latencyMs) { this.latencyMs = latencyMs; }
    public Integer getInputTokens() { return inputTokens; }
    public void setInputTokens(Integer inputTokens) { this.inputTokens = inputTokens; }
    public Integer getOutputTokens() { return outputTokens; }
    public void setOutputTokens(Integer outputTokens) { this.outputTokens = outputTokens; }
    public Long getCostMicros() { return costMicros; }
    public void setCostMicros(Long costMicros) { this.costMicros = costMicros; }
    public String getErrorCategory() { return errorCategory; }
    public void setErrorCategory(String errorCategory) { this.errorCategory = errorCategory; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public List<String> getAttempts() { return attempts; }
    public void setAttempts(List<String> attempts) { this.attempts = attempts; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AiRunItem> SCHEMA = ItemSchema.item(AiRunItem.class, AiRunItem::new)
            .text("runId", AiRunItem::getRunId, AiRunItem::setRunId)
            .text("organisationId", AiRunItem::getOrganisationId, AiRunItem::setOrganisationId)
            .text("task", AiRunItem::getTask, AiRunItem::setTask)
            .text("inputHash", AiRunItem::getInputHash, AiRunItem::setInputHash)
            .text("status", AiRunItem::getStatus, AiRunItem::setStatus)
            .text("provider", AiRunItem::getProvider, AiRunItem::setProvider)
            .text("model", AiRunItem::getModel, AiRunItem::setModel)
            .attribute(Boolean.class, "cached", AiRunItem::getCached, AiRunItem::setCached)
            .text("startedAt", AiRunItem::getStartedAt, AiRunItem::setStartedAt)
            .text("endedAt", AiRunItem::getEndedAt, AiRunItem::setEndedAt)
            .attribute(Long.class, "latencyMs", AiRunItem::getLatencyMs, AiRunItem::setLatencyMs)
            .attribute(Integer.class, "inputTokens", AiRunItem::getInputTokens, AiRunItem::setInputTokens)
            .attribute(Integer.class, "outputTokens", AiRunItem::getOutputTokens, AiRunItem::setOutputTokens)
            .attribute(Long.class, "costMicros", AiRunItem::getCostMicros, AiRunItem::setCostMicros)
            .text("errorCategory", AiRunItem::getErrorCategory, AiRunItem::setErrorCategory)
            .text("error", AiRunItem::getError, AiRunItem::setError)
            .textList("attempts", AiRunItem::getAttempts, AiRunItem::setAttempts)
            .build();
}
