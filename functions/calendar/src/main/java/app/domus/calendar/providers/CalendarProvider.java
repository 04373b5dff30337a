package app.domus.calendar.providers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A calendar provider's API as the calendar context uses it: OAuth 2 authorization code with PKCE and refresh, the
 * events of one calendar listed in full or incrementally (a sync token), insert, patch and delete, and a watch channel
 * that notifies the webhook of changes. Errors are {@link ProviderException}s.
 */
public interface CalendarProvider {
    String name();

    String authorizationUrl(String state, String codeChallenge, String redirectUri);

    Tokens exchange(String code, String codeVerifier, String redirectUri);

    /** New access token (and maybe a new refresh token) for a refresh token; {@link ProviderException.Kind#REFUSED} when revoked. */
    Tokens refresh(String refreshToken);

    /** One page of changes since {@code syncToken} (null: every event); {@link ProviderException.Kind#GONE} when the token expired. */
    Page list(String accessToken, String calendarId, String syncToken, String pageToken);

    /** Inserts an event tagged with the Domus event's id (a private extended property), so a retried insert is found again. */
    ProviderEvent insert(String accessToken, String calendarId, EventData data, String domusEventId);

    ProviderEvent patch(String accessToken, String calendarId, String externalId, EventData data);

    /** Deletes; an event already gone is no error. */
    void delete(String accessToken, String calendarId, String externalId);

    Optional<ProviderEvent> findByDomusId(String accessToken, String calendarId, String domusEventId);

    /** Opens a notification channel to {@code address}; {@code channelId} is Domus's proposal, which a provider may replace with its own. */
    Watch watch(String accessToken, String calendarId, String channelId, String channelToken, String address);

    /**
     * Ends Domus's access to the person's calendar at the provider, for a deleted account, as far as the provider lets
     * an app end it: Google revokes the grant (the refresh token and every access token of it); Microsoft has no
     * revocation of one app's grant, so the change notification subscription ({@code channelId}) is deleted and the
     * tokens, forgotten by Domus, lapse (docs/privacy.md). A grant or a channel that is gone already is no error.
     */
    void revoke(Tokens tokens, String channelId);

    record Tokens(String accessToken, String refreshToken, Instant expiresAt) {}

    /** What Domus writes: title, description, start and end (ISO instants, or dates for a whole day, end exclusive). */
    record EventData(String title, String description, String start, String end) {}

    /** An event as the provider holds it; {@code cancelled} when it was deleted there. */
    record ProviderEvent(String externalId, String etag, boolean cancelled, String title, String description, String start,
                         String end, String domusEventId) {}

    record Page(List<ProviderEvent> events, String nextPageToken, String nextSyncToken) {}

    /** A channel the provider notifies changes on: its id (the one Domus proposed, or the provider's own), resource, expiry. */
    record Watch(String channelId, String resourceId, Instant expiresAt) {}
}
