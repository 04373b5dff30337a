package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SSM parameters, kept as one JSON file in the data directory. */
public final class ParameterStore {
    private final Path file;
    private final Map<String, Parameter> parameters;

    /** One parameter; {@code lastModified} in epoch seconds, as SSM reports it. */
    public record Parameter(String name, String type, String value, long version, double lastModified) {}

    public ParameterStore(Path file) {
        this.file = file;
        try {
            this.parameters = Files.exists(file)
                    ? new TreeMap<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Parameter>>() {}))
                    : new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SSM parameters at " + file, e);
        }
    }

    public synchronized Optional<Parameter> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public synchronized List<Parameter> under(String path, boolean recursive) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return parameters.values().stream()
                .filter(parameter -> parameter.name().startsWith(prefix))
                .filter(parameter -> recursive || parameter.name().indexOf('/', prefix.length()) < 0)
                .toList();
    }

    /** Stores the value; gives the new version, or empty when the parameter exists and {@code overwrite} is false. */
    public synchronized Optional<Long> put(String name, String type, String value, boolean overwrite) {
        Parameter existing = parameters.get(name);
        if (existing != null && !overwrite) return Optional.empty();
        long version = existing == null ? 1 : existing.version() + 1;
        parameters.put(name, new Parameter(name, type, value, version, System.currentTimeMillis() / 1000.0));
        save();
        return Optional.of(version);
    }

    /** Writes a SecureString unless it holds {@code value} already, so an unchanged secret does not bump its version. */
    public synchronized void seedSecure(String name, String value) {
        Parameter existing = parameters.get(name);
        if (existing == null || !existing.value().equals(value)) put(name, "SecureString", value, true);
    }

    public synchronized boolean delete(String name) {
        boolean existed = parameters.remove(name) != null;
        if (existed) save();
        return existed;
    }

    private void save() {
        AwsJsonProtocol.save(file, parameters);
    }
}
