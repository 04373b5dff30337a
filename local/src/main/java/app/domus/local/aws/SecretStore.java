package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets Manager's secrets, kept as one JSON file in the data directory (like the SSM parameters): each with its
 * versions (the current one staged {@code AWSCURRENT}, the one before {@code AWSPREVIOUS}) and, once deleted with a
 * recovery window, its deletion date. Times are epoch seconds, as the service reports them.
 */
public final class SecretStore {
    /** One version of a secret's value: a string or binary (base64, as the JSON protocol carries it). */
    public record Version(String versionId, String secretString, String secretBinary, double created) {}

    public record Secret(String name, String arn, String description, double created, double lastChanged, Double deletionDate,
                         Map<String, Version> versions, Map<String, String> stages) {
        public Optional<Version> current() {
            return Optional.ofNullable(stages.get("AWSCURRENT")).map(versions::get);
        }
    }

    private final Path file;
    private final Map<String, Secret> secrets;

    public SecretStore(Path file) {
        this.file = file;
        try {
            this.secrets = Files.exists(file)
                    ? new TreeMap<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Secret>>() {}))
                    : new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets at " + file, e);
        }
    }

    /** By name or ARN. */
    public synchronized Optional<Secret> find(String id) {
        Secret byName = secrets.get(id);
        if (byName != null) return Optional.of(byName);
        return secrets.values().stream().filter(s -> s.arn().equals(id)).findFirst();
    }

    public synchronized void put(Secret secret) {
        secrets.put(secret.name(), secret);
        save();
    }

    /**
     * What a host does once in the console: {@code name}'s current value made {@code value}, creating the secret if it
     * is not there; with {@code keepExisting} a secret already there is left as it is (a key whose derived codes must
     * survive a restart).
     */
    public synchronized void seed(String name, String value, String region, boolean keepExisting) {
        Secret existing = secrets.get(name);
        if (existing != null && (keepExisting || existing.current().map(v -> value.equals(v.secretString())).orElse(false))) return;
        double now = System.currentTimeMillis() / 1000.0;
        String versionId = java.util.UUID.randomUUID().toString();
        Map<String, Version> versions = new LinkedHashMap<>();
        versions.put(versionId, new Version(versionId, value, null, now));
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("AWSCURRENT", versionId);
        String arn = existing != null ? existing.arn()
                : "arn:aws:secretsmanager:" + region + ":000000000000:secret:" + name + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        put(new Secret(name, arn, "seeded by the local cloud", existing != null ? existing.created() : now, now, null, versions, stages));
    }

    public synchronized void remove(String name) {
        if (secrets.remove(name) != null) save();
    }

    /** A copy of a secret's version map, for building the next state. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return new LinkedHashMap<>(map);
    }

    private void save() {
        AwsJsonProtocol.save(file, secrets);
    }
}
