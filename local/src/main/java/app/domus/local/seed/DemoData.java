package app.domus.local.seed;

import app.domus.local.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the seeders created and a newcomer needs to know: demo accounts, open invitation codes and the ids of the demo
 * organisation, building, units and meters. Kept in the data directory, since seeding happens only once.
 */
public final class DemoData {
    private final List<DemoAccount> accounts = new ArrayList<>();
    private final Map<String, String> invitationCodes = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** On-disk form. */
    private record Stored(List<DemoAccount> accounts, Map<String, String> invitationCodes, Map<String, String> ids) {}

    public static DemoData load(Path file) {
        DemoData data = new DemoData();
        if (Files.exists(file)) {
            try {
                Stored stored = Json.MAPPER.readValue(file.toFile(), Stored.class);
                data.accounts.addAll(stored.accounts());
                data.invitationCodes.putAll(stored.invitationCodes());
                data.ids.putAll(stored.ids());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo data at " + file, e);
            }
        }
        return data;
    }

    public void save(Path file) {
        try {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), new Stored(accounts, invitationCodes, ids));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void addAccount(DemoAccount account) {
        accounts.removeIf(existing -> existing.key().equals(account.key()));
        accounts.add(account);
    }

    /** @param description what accepting the code makes of the new user, e.g. "tenant of unit 3B" */
    public synchronized void addInvitationCode(String code, String description) {
        invitationCodes.put(code, description);
    }

    /** @param name e.g. {@code organisationId}, {@code buildingId}, {@code meter.3B.water} */
    public synchronized void addId(String name, String id) {
        ids.put(name, id);
    }

    public synchronized List<DemoAccount> accounts() {
        return List.copyOf(accounts);
    }

    public synchronized Optional<DemoAccount> account(String key) {
        return accounts.stream().filter(account -> account.key().equals(key)).findFirst();
    }

    public synchronized Map<String, String> invitationCodes() {
        return Map.copyOf(invitationCodes);
    }

    public synchronized Map<String, String> ids() {
        return Map.copyOf(ids);
    }
}
