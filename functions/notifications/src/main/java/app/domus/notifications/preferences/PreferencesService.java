package app.domus.notifications.preferences;

import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Reads and replaces a person's notification preferences. */
@Singleton
public class PreferencesService {
    /** The version of preferences never saved: the defaults. An {@code If-Match} of it creates them. */
    static final long DEFAULTS_VERSION = 0;

    private final DomusTable table;

    @Inject
    public PreferencesService(DomusTable table) {
        this.table = table;
    }

    /** Preferences and the version they were read at (the ETag). */
    public record Versioned(Preferences preferences, long version) {}

    public Versioned read(String userId) {
        return stored(userId)
                .map(item -> new Versioned(Preferences.of(item.getCategories()), item.getVersion()))
                .orElseGet(() -> new Versioned(Preferences.defaults(), DEFAULTS_VERSION));
    }

    /** What the notifier applies. */
    public Preferences of(String userId) {
        return read(userId).preferences();
    }

    /**
     * Replaces the preferences. With {@code If-Match} the caller's version must be the stored one (412
     * otherwise); without it, the write still refuses to overwrite a concurrent change (409).
     */
    public Versioned replace(String userId, Optional<Long> ifMatch, PreferencesRequest request) {
        Optional<PreferencesItem> current = stored(userId);
        long currentVersion = current.map(PreferencesItem::getVersion).orElse(DEFAULTS_VERSION);
        if (ifMatch.isPresent() && ifMatch.get() != currentVersion) throw stale();
        Preferences preferences = Preferences.of(request.categories());
        PreferencesItem item = current.orElseGet(() -> {
            PreferencesItem fresh = new PreferencesItem();
            fresh.setPk(UserItem.pk(userId));
            fresh.setSk(PreferencesItem.SK);
            return fresh;
        });
        item.setCategories(preferences.toWire());
        try {
            PreferencesItem saved = table.of(PreferencesItem.class).updateItem(item);
            return new Versioned(preferences, saved.getVersion());
        } catch (ConditionalCheckFailedException e) {
            if (ifMatch.isPresent()) throw stale();
            throw ApiException.conflict("Your preferences were changed at the same time elsewhere; read them again and retry");
        }
    }

    private Optional<PreferencesItem> stored(String userId) {
        return table.get(PreferencesItem.class, UserItem.pk(userId), PreferencesItem.SK);
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "Your preferences have changed since you read them; read them again");
    }
}
