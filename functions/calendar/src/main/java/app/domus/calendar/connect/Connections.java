package app.domus.calendar.connect;

import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.ProviderException;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Connected calendars: the consent (a single-use state of 32 random bytes kept as its SHA-256 for 10 minutes, and a
 * PKCE S256 verifier), the callback's code exchange, the tokens (KMS-encrypted in the connection's item, the access
 * token refreshed 5 minutes before it expires, and once more if the provider refuses it all the same), and the
 * changes of a connection's item, read afresh and written at the version read.
 */
public class Connections {
    static final Duration CONSENT_VALIDITY = Duration.ofMinutes(10);
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    public record Consent(String provider, String authorizationUrl, String state) {}

    private final DomusTable table;
    private final Map<String, CalendarProvider> providers;
    private final TokenCipher cipher;
    private final Clock clock;
    private final String publicBaseUrl;

    public Connections(DomusTable table, Map<String, CalendarProvider> providers, TokenCipher cipher, Clock clock, String publicBaseUrl) {
        this.table = table;
        this.providers = providers;
        this.cipher = cipher;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    public String redirectUri() {
        return publicBaseUrl + "/calendar/callback";
    }

    public String webhookUrl(String provider) {
        return publicBaseUrl + "/webhooks/calendar/" + provider;
    }

    public static String connectionId(String userId, String provider) {
        return Ids.derived(0, "calendar-connection|" + userId + "|" + provider);
    }

    public CalendarProvider provider(String name) {
        CalendarProvider provider = providers.get(name);
        if (provider == null) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "Calendar provider " + name + " is not available yet");
        }
        return provider;
    }

    /** Starts a consent: the provider's authorization address with a new single-use state. */
    public Consent start(Caller caller, String providerName) {
        CalendarProvider provider = provider(providerName);
        String state = Ids.secret(32);
        String verifier = Ids.secret(48);
        ConsentItem consent = new ConsentItem();
        consent.setPk(ConsentItem.pk(sha256(state)));
        consent.setSk(ConsentItem.SK);
        consent.setUserId(caller.userId());
        consent.setProvider(providerName);
        consent.setCodeVerifier(verifier);
        Instant expires = clock.instant().plus(CONSENT_VALIDITY);
        consent.setExpiresAt(expires.toString());
        consent.setTtl(expires.getEpochSecond());
        table.of(ConsentItem.class).putItem(consent);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return new Consent(providerName, provider.authorizationUrl(state, challenge, redirectUri()), state);
    }

    /**
     * The callback: the state used up (a second use, an unknown or an expired state is 400 {@code invalid-state}), the
     * code exchanged with its verifier, the tokens stored encrypted; the connection as it is now.
     */
    public ConnectionItem complete(String code, String state) {
        if (code == null || code.isBlank() || code.length() > 2048) throw ApiException.validation("code", "is required");
        if (state == null || state.isBlank() || state.length() > 256) throw ApiException.validation("state", "is required");
        ConsentItem consent;
        try {
            consent = table.of(ConsentItem.class).deleteItem(r -> r.key(Key.builder().partitionValue(ConsentItem.pk(sha256(state))).sortValue(ConsentItem.SK).build())
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build()));
        } catch (ConditionalCheckFailedException e) {
            consent = null;
        }
        if (consent == null || Instant.parse(consent.getExpiresAt()).isBefore(clock.instant())) {
            throw new ApiException(ProblemType.VALIDATION, "The consent is unknown, used already or expired: connect again");
        }
        CalendarProvider provider = provider(consent.getProvider());
        CalendarProvider.Tokens tokens;
        try {
            tokens = provider.exchange(code, consent.getCodeVerifier(), redirectUri());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.REFUSED) throw new ApiException(ProblemType.VALIDATION, "The provider refused the code: connect again");
            throw new ApiException(ProblemType.UNAVAILABLE, "The calendar provider is unavailable: connect again later");
        }
        String id = connectionId(consent.getUserId(), consent.getProvider());
        ConnectionItem connection = table.get(ConnectionItem.class, ConnectionItem.pk(id), ConnectionItem.SK).orElseGet(ConnectionItem::new);
        connection.setPk(ConnectionItem.pk(id));
        connection.setSk(ConnectionItem.SK);
        connection.setGsi1pk(ConnectionItem.byUser(consent.getUserId()));
        connection.setGsi1sk("CONNECTION#" + consent.getProvider());
        connection.setGsi2pk(ConnectionItem.ALL);
        connection.setGsi2sk(id);
        connection.setId(id);
        connection.setUserId(consent.getUserId());
        connection.setProvider(consent.getProvider());
        connection.setCalendarId("primary");
        connection.setStatus(ConnectionItem.CONNECTED);
        connection.setConnectedAt(clock.instant().toString());
        connection.setLastError(null);
        setTokens(connection, tokens);
        if (connection.getVersion() == null) table.of(ConnectionItem.class).putItem(connection);
        else table.of(ConnectionItem.class).updateItem(connection);
        return connection;
    }

    public Optional<ConnectionItem> connection(String connectionId) {
        return table.get(ConnectionItem.class, ConnectionItem.pk(connectionId), ConnectionItem.SK);
    }

    public List<ConnectionItem> connectionsOf(String userId) {
        return table.allInIndex(ConnectionItem.class, TableItem.GSI1, ConnectionItem.byUser(userId));
    }

    public List<ConnectionItem> all() {
        return table.allInIndex(ConnectionItem.class, TableItem.GSI2, ConnectionItem.ALL);
    }

    /**
     * A provider call with the connection's access token: refreshed first when it expires within 5 minutes, and
     * refreshed once more and the call repeated when the provider refuses it. A refused refresh token marks the
     * connection {@code needs-consent}.
     */
    public <T> T withAccess(ConnectionItem connection, Function<String, T> call) {
        String access = accessToken(connection, false, REFRESH_AHEAD);
        try {
            return call.apply(access);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.UNAUTHORIZED) throw e;
            return call.apply(accessToken(connection, true, REFRESH_AHEAD));
        }
    }

    /**
     * Ends the connection's access at its provider with the stored tokens ({@link CalendarProvider#revoke}); false when
     * this deployment no longer has the provider's OAuth client, so nothing can be called there.
     */
    public boolean revokeAtProvider(ConnectionItem connection) {
        CalendarProvider provider = providers.get(connection.getProvider());
        if (provider == null || connection.getTokens() == null) return false;
        JsonNode tokens = Json.tree(cipher.decrypt(connection.getTokens(), connection.getId()));
        provider.revoke(new CalendarProvider.Tokens(tokens.path("access").asText(null), tokens.path("refresh").asText(null), null),
                connection.getChannelId());
        return true;
    }

    /** The access token refreshed now if it expires within {@code ahead} (the quarter-hourly run refreshes those due before the next one). */
    public void refreshIfExpiring(ConnectionItem connection, Duration ahead) {
        accessToken(connection, false, ahead);
    }

    private String accessToken(ConnectionItem connection, boolean force, Duration ahead) {
        JsonNode tokens = Json.tree(cipher.decrypt(connection.getTokens(), connection.getId()));
        boolean expiring = connection.getAccessExpiresAt() == null
                || Instant.parse(connection.getAccessExpiresAt()).isBefore(clock.instant().plus(ahead));
        if (!force && !expiring) return tokens.path("access").asText();
        CalendarProvider.Tokens fresh;
        try {
            fresh = provider(connection.getProvider()).refresh(tokens.path("refresh").asText());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.REFUSED) {
                update(connection.getId(), c -> {
                    c.setStatus(ConnectionItem.NEEDS_CONSENT);
                    c.setLastError("The provider refused the refresh token: the person has to connect again");
                });
            }
            throw e;
        }
        ConnectionItem updated = update(connection.getId(), c -> setTokens(c, fresh));
        connection.setTokens(updated.getTokens());
        connection.setAccessExpiresAt(updated.getAccessExpiresAt());
        connection.setVersion(updated.getVersion());
        return fresh.accessToken();
    }

    private void setTokens(ConnectionItem connection, CalendarProvider.Tokens tokens) {
        connection.setTokens(cipher.encrypt(Json.write(Map.of("access", tokens.accessToken(), "refresh", tokens.refreshToken())), connection.getId()));
        connection.setAccessExpiresAt(tokens.expiresAt().toString());
    }

    /** The connection read afresh, changed and written at the version read; again (3 times) when another writer came first. */
    public ConnectionItem update(String connectionId, Consumer<ConnectionItem> change) {
        for (int attempt = 0; ; attempt++) {
            ConnectionItem current = connection(connectionId).orElseThrow(() -> new IllegalStateException("no connection " + connectionId));
            change.accept(current);
            try {
                return table.of(ConnectionItem.class).updateItem(current);
            } catch (ConditionalCheckFailedException e) {
                if (attempt == 2) throw e;
            }
        }
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
