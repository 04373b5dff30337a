package app.domus.shared.ai;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A task's result for one input: pk {@code AICACHE#<task>#<input hash>}, sk {@code RESULT}; the TTL is the task's cache
 * lifetime (and reads check {@code expiresAt}, since DynamoDB deletes expired items only eventually). The hash is of the
 * task's canonical JSON input, so the same report, photo or description costs one model call per lifetime, across
 * organisations.
 */
public class AiCacheItem extends TableItem {
    public static final String SK = "RESULT";
    
    public static String pk(AiTask task, String inputHash) { return "AICACHE#" + task.wire() + "#" + inputHash; }

    private String task;
    private String inputHash;
    private String output;
    private String provider;
    private String model;
    private String createdAt;
    private String expiresAt;

    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public String getInputHash() { return inputHash; }
    public void setInputHash(String inputHash) { this.inputHash = inputHash; }
    public String getOutput() { return output; }
    public void setOutput(String output) { this.output = output; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AiCacheItem> SCHEMA = ItemSchema.item(AiCacheItem.class, AiCacheItem::new)
            .text("task", AiCacheItem::getTask, AiCacheItem::setTask)
            .text("inputHash", AiCacheItem::getInputHash, AiCacheItem::setInputHash)
            .text("output", AiCacheItem::getOutput, AiCacheItem::setOutput)
            .text("provider", AiCacheItem::getProvider, AiCacheItem::setProvider)
            .text("model", AiCacheItem::getModel, AiCacheItem::setModel)
            .text("createdAt", AiCacheItem::getCreatedAt, AiCacheItem::setCreatedAt)
            .text("expiresAt", AiCacheItem::getExpiresAt, AiCacheItem::setExpiresAt)
            .build();
}
