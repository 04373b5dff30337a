package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * AWS Secrets Manager in its JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.<Operation>}): CreateSecret,
 * GetSecretValue, PutSecretValue, DescribeSecret, DeleteSecret (with a recovery window, 7 to 30 days, default 30, or
 * {@code ForceDeleteWithoutRecovery}) and RestoreSecret. Secrets are found by name or ARN; ARNs end in a random
 * six-character suffix as the service's do. {@code ClientRequestToken} is the version id when given, and repeating a
 * call with the same token and value is a no-op, as in the service. Values are stored as given (no KMS locally).
 */
public final class SecretsManagerEmulator implements AwsApi {
    private static final String SUFFIX_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SecretStore store;
    private final String region;
    private final SecureRandom random = new SecureRandom();

    public SecretsManagerEmulator(SecretStore store, String region) {
        this.store = store;
        this.region = region;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String operation = AwsJsonProtocol.operation(request);
        JsonNode input = AwsJsonProtocol.input(request);
        synchronized (store) {
            return switch (operation) {
                case "CreateSecret" -> create(input);
                case "GetSecretValue" -> getValue(input);
                case "PutSecretValue" -> putValue(input);
                case "DescribeSecret" -> live(input, true).map(this::describe).orElseGet(() -> notFound());
                case "DeleteSecret" -> delete(input);
                case "RestoreSecret" -> restore(input);
                default -> error("InvalidAction", "The local cloud does not implement Secrets Manager " + operation);
            };
        }
    }

    private AwsResponse create(JsonNode input) {
        String name = input.path("Name").asText("");
        if (name.isEmpty() || name.length() > 512) return error("InvalidParameterException", "Name must be 1 to 512 characters.");
        var existing = store.find(name);
        String versionId = input.path("ClientRequestToken").asText(UUID.randomUUID().toString());
        if (existing.isPresent()) {
            var version = existing.get().versions().get(versionId);
            if (version != null && sameValue(version, input)) return ok(Json.object().put("ARN", existing.get().arn()).put("Name", name).put("VersionId", versionId));
            if (existing.get().deletionDate() != null) {
                return error("InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion.");
            }
            return error("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
        }
        double now = now();
        Map<String, SecretStore.Version> versions = new java.util.LinkedHashMap<>();
        Map<String, String> stages = new java.util.LinkedHashMap<>();
        if (input.hasNonNull("SecretString") || input.hasNonNull("SecretBinary")) {
            versions.put(versionId, version(versionId, input, now));
            stages.put("AWSCURRENT", versionId);
        }
        String arn = "arn:aws:secretsmanager:" + region + ":000000000000:secret:" + name + "-" + suffix();
        store.put(new SecretStore.Secret(name, arn, input.path("Description").asText(null), now, now, null, versions, stages));
        ObjectNode output = Json.object().put("ARN", arn).put("Name", name);
        if (!versions.isEmpty()) output.put("VersionId", versionId);
        return ok(output);
    }

    private AwsResponse getValue(JsonNode input) {
        var secret = live(input, false);
        if (secret.isEmpty()) return deletedOrMissing(input);
        String versionId = input.path("VersionId").asText(null);
        String stage = input.path("VersionStage").asText("AWSCURRENT");
        String chosen = versionId != null ? versionId : secret.get().stages().get(stage);
        SecretStore.Version version = chosen == null ? null : secret.get().versions().get(chosen);
        if (version == null) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for "
                + (versionId != null ? "VersionId: " + versionId : "staging label: " + stage));
        ObjectNode output = Json.object().put("ARN", secret.get().arn()).put("Name", secret.get().name()).put("VersionId", version.versionId());
        if (version.secretString() != null) output.put("SecretString", version.secretString());
        if (version.secretBinary() != null) output.put("SecretBinary", version.secretBinary());
        var labels = output.putArray("VersionStages");
        stagesOf(secret.get(), version.versionId()).forEach(labels::add);
        output.put("CreatedDate", version.created());
        return ok(output);
    }

    private AwsResponse putValue(JsonNode input) {
        var secret = live(input, false);
        if (secret.isEmpty()) return deletedOrMissing(input);
        if (!input.hasNonNull("SecretString") && !input.hasNonNull("SecretBinary")) {
            return error("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
        }
        String versionId = input.path("ClientRequestToken").asText(UUID.randomUUID().toString());
        SecretStore.Secret s = secret.get();
        SecretStore.Version existing = s.versions().get(versionId);
        if (existing != null) {
            if (!sameValue(existing, input)) return error("ResourceExistsException", "A version with ClientRequestToken " + versionId + " already exists with a different value.");
        } else {
            double now = now();
            Map<String, SecretStore.Version> versions = SecretStore.copy(s.versions());
            Map<String, String> stages = SecretStore.copy(s.stages());
            versions.put(versionId, version(versionId, input, now));
            String previous = stages.get("AWSCURRENT");
            if (previous != null) stages.put("AWSPREVIOUS", previous);
            stages.put("AWSCURRENT", versionId);
            // Versions that no stage names any more are dropped, as the service does.
            versions.keySet().retainAll(stages.values());
            store.put(new SecretStore.Secret(s.name(), s.arn(), s.description(), s.created(), now, null, versions, stages));
            s = store.find(s.name()).orElseThrow();
        }
        ObjectNode output = Json.object().put("ARN", s.arn()).put("Name", s.name()).put("VersionId", versionId);
        var labels = output.putArray("VersionStages");
        stagesOf(s, versionId).forEach(labels::add);
        return ok(output);
    }

    private AwsResponse delete(JsonNode input) {
        var secret = store.find(input.path("SecretId").asText(""));
        if (secret.isEmpty()) return notFound();
        SecretStore.Secret s = secret.get();
        boolean force = input.path("ForceDeleteWithoutRecovery").asBoolean(false);
        if (force && input.has("RecoveryWindowInDays")) {
            return error("InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        double now = now();
        if (force) {
            store.remove(s.name());
            return ok(Json.object().put("ARN", s.arn()).put("Name", s.name()).put("DeletionDate", now));
        }
        int days = input.path("RecoveryWindowInDays").asInt(30);
        if (days < 7 || days > 30) return error("InvalidParameterException", "RecoveryWindowInDays must be between 7 and 30 days.");
        if (s.deletionDate() != null) return error("InvalidRequestException", "You can't delete secret " + s.name() + " because it is already scheduled for deletion.");
        double deletion = now + days * 86_400.0;
        store.put(new SecretStore.Secret(s.name(), s.arn(), s.description(), s.created(), now, deletion, s.versions(), s.stages()));
        return ok(Json.object().put("ARN", s.arn()).put("Name", s.name()).put("DeletionDate", deletion));
    }

    private AwsResponse restore(JsonNode input) {
        var secret = store.find(input.path("SecretId").asText(""));
        if (secret.isEmpty()) return notFound();
        SecretStore.Secret s = secret.get();
        store.put(new SecretStore.Secret(s.name(), s.arn(), s.description(), s.created(), now(), null, s.versions(), s.stages()));
        return ok(Json.object().put("ARN", s.arn()).put("Name", s.name()));
    }

    private AwsResponse describe(SecretStore.Secret s) {
        ObjectNode output = Json.object().put("ARN", s.arn()).put("Name", s.name());
        if (s.description() != null) output.put("Description", s.description());
        output.put("CreatedDate", s.created()).put("LastChangedDate", s.lastChanged());
        if (s.deletionDate() != null) output.put("DeletedDate", s.deletionDate());
        ObjectNode stages = output.putObject("VersionIdsToStages");
        s.versions().keySet().forEach(id -> {
            var labels = stages.putArray(id);
            stagesOf(s, id).forEach(labels::add);
        });
        return ok(output);
    }

    /** The secret by {@code SecretId}, unless it is scheduled for deletion (which DescribeSecret still shows). */
    private java.util.Optional<SecretStore.Secret> live(JsonNode input, boolean evenDeleted) {
        return store.find(input.path("SecretId").asText("")).filter(s -> evenDeleted || s.deletionDate() == null);
    }

    private AwsResponse deletedOrMissing(JsonNode input) {
        return store.find(input.path("SecretId").asText("")).isPresent()
                ? error("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.")
                : notFound();
    }

    private static List<String> stagesOf(SecretStore.Secret s, String versionId) {
        return s.stages().entrySet().stream().filter(e -> e.getValue().equals(versionId)).map(Map.Entry::getKey).toList();
    }

    private static SecretStore.Version version(String versionId, JsonNode input, double now) {
        return new SecretStore.Version(versionId, input.path("SecretString").asText(null), input.path("SecretBinary").asText(null), now);
    }

    private static boolean sameValue(SecretStore.Version version, JsonNode input) {
        return java.util.Objects.equals(version.secretString(), input.path("SecretString").asText(null))
                && java.util.Objects.equals(version.secretBinary(), input.path("SecretBinary").asText(null));
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) suffix.append(SUFFIX_CHARACTERS.charAt(random.nextInt(SUFFIX_CHARACTERS.length())));
        return suffix.toString();
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static AwsResponse ok(JsonNode output) {
        return AwsJsonProtocol.ok(output);
    }

    private static AwsResponse notFound() {
        return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    private static AwsResponse error(String type, String message) {
        return AwsJsonProtocol.error(type, message);
    }
}
