package app.domus.calendar;

import app.domus.calendar.connect.Connections;
import app.domus.calendar.connect.KmsTokenCipher;
import app.domus.calendar.providers.ClientSecrets;
import app.domus.shared.aws.AwsModule;
import software.amazon.awssdk.services.kms.KmsClient;
import app.domus.calendar.connect.TokenCipher;
import app.domus.calendar.events.CalendarBook;
import app.domus.calendar.events.CalendarSources;
import app.domus.calendar.feed.IcalFeeds;
import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.GoogleCalendar;
import app.domus.calendar.providers.MicrosoftGraphCalendar;
import app.domus.calendar.sync.CalendarNotifications;
import app.domus.calendar.sync.CalendarPush;
import app.domus.calendar.sync.CalendarSync;
import app.domus.calendar.sync.Links;
import app.domus.calendar.sync.Onboarding;
import app.domus.calendar.sync.SyncRequests;
import app.domus.shared.access.AccessService;
import app.domus.shared.config.Env;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Google Calendar at {@code GOOGLE_OAUTH_BASE_URL}, {@code GOOGLE_TOKEN_BASE_URL} and {@code GOOGLE_CALENDAR_API_BASE_URL}
 * (Google's own unless set; the local cloud points them at its double) with the OAuth client
 * {@code GOOGLE_CLIENT_ID}; Outlook through Microsoft Graph at {@code MICROSOFT_LOGIN_BASE_URL}
 * and {@code MICROSOFT_GRAPH_BASE_URL} with {@code MICROSOFT_CLIENT_ID}, their secrets in the Secrets Manager secret {@code CALENDAR_CLIENT_SECRETS} (JSON {@code {"google", "outlook"}}); tokens encrypted with the KMS key {@code CALENDAR_TOKEN_KEY_ID};
 * the pull queue at {@code CALENDAR_SYNC_QUEUE_URL}; the consent's redirect, the webhook and the feeds' addresses start
 * with {@code JWT_ISSUER} (the template's {@code PublicBaseUrl}, the HTTP API's public address).
 */
@Module
public final class CalendarModule {
    private CalendarModule() {}

    @Provides @Singleton
    static Map<String, CalendarProvider> providers(Clock clock, ClientSecrets secrets) {
        GoogleCalendar.Settings google = new GoogleCalendar.Settings(
                Env.optional("GOOGLE_OAUTH_BASE_URL").filter(s -> !s.isBlank()).orElse("https://accounts.google.com"),
                Env.optional("GOOGLE_TOKEN_BASE_URL").filter(s -> !s.isBlank()).orElse("https://oauth2.googleapis.com"),
                Env.optional("GOOGLE_CALENDAR_API_BASE_URL").filter(s -> !s.isBlank()).orElse("https://www.googleapis.com"),
                Env.optional("GOOGLE_CLIENT_ID").orElse(""), () -> secrets.clientSecret("google"));
        MicrosoftGraphCalendar.Settings outlook = new MicrosoftGraphCalendar.Settings(
                Env.optional("MICROSOFT_LOGIN_BASE_URL").filter(s -> !s.isBlank()).orElse("https://login.microsoftonline.com"),
                Env.optional("MICROSOFT_GRAPH_BASE_URL").filter(s -> !s.isBlank()).orElse("https://graph.microsoft.com"),
                Env.optional("MICROSOFT_CLIENT_ID").orElse(""), () -> secrets.clientSecret("outlook"));
        // A provider is offered where the deployment has its OAuth client; the others are refused with 422.
        Map<String, CalendarProvider> providers = new java.util.LinkedHashMap<>();
        if (!google.clientId().isBlank()) providers.put(GoogleCalendar.NAME, new GoogleCalendar(google, clock, Duration.ofMillis(200)));
        if (!outlook.clientId().isBlank()) providers.put(MicrosoftGraphCalendar.NAME, new MicrosoftGraphCalendar(outlook, clock, Duration.ofMillis(200)));
        return Map.copyOf(providers);
    }

    @Provides @Singleton
    static TokenCipher cipher(SdkHttpClient http) {
        return new KmsTokenCipher(KmsClient.builder().httpClient(http).overrideConfiguration(AwsModule.overrides()).build(),
                Env.optional("CALENDAR_TOKEN_KEY_ID").orElse("alias/domus-calendar-tokens"));
    }

    @Provides @Singleton
    static ClientSecrets secrets(SdkHttpClient http) {
        return new ClientSecrets(http, Env.optional("CALENDAR_CLIENT_SECRETS").orElse("domus/dev/calendar-client-secrets"));
    }

    @Provides @Singleton
    static Connections connections(DomusTable table, Map<String, CalendarProvider> providers, TokenCipher cipher, Clock clock) {
        return new Connections(table, providers, cipher, clock, Env.optional("JWT_ISSUER").orElse(""));
    }

    @Provides @Singleton
    static CalendarBook book(DomusTable table, Outbox outbox, Clock clock) {
        return new CalendarBook(table, outbox, clock);
    }

    @Provides @Singleton
    static Links links(DomusTable table) {
        return new Links(table);
    }

    @Provides @Singleton
    static SyncRequests syncRequests(SqsClient sqs) {
        return new SyncRequests(sqs, Env.optional("CALENDAR_SYNC_QUEUE_URL").orElse(null));
    }

    @Provides @Singleton
    static CalendarSync sync(Connections connections, CalendarBook book, Links links, Clock clock) {
        return new CalendarSync(connections, book, links, clock);
    }

    @Provides @Singleton
    static CalendarPush push(Connections connections, CalendarBook book, Links links) {
        return new CalendarPush(connections, book, links);
    }

    @Provides @Singleton
    static Onboarding onboarding(Connections connections, CalendarSync sync, SyncRequests queue, Clock clock) {
        return new Onboarding(connections, sync, queue, clock);
    }

    @Provides @Singleton
    static CalendarNotifications notifications(Connections connections, SyncRequests queue) {
        return new CalendarNotifications(connections, queue);
    }

    @Provides @Singleton
    static CalendarSources sources(CalendarBook book, AccessService access, DomusTable table) {
        return new CalendarSources(book, access, table);
    }

    @Provides @Singleton
    static IcalFeeds feeds(DomusTable table, CalendarBook book, Clock clock) {
        return new IcalFeeds(table, book, clock, Env.optional("JWT_ISSUER").orElse(""));
    }
}
