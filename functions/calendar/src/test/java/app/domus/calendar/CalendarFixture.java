package app.domus.calendar;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.connect.TokenCipher;
import app.domus.calendar.events.CalendarBook;
import app.domus.calendar.events.CalendarSources;
import app.domus.calendar.feed.IcalFeeds;
import app.domus.calendar.sync.CalendarPush;
import app.domus.calendar.sync.CalendarSync;
import app.domus.calendar.sync.Links;
import app.domus.calendar.sync.Onboarding;
import app.domus.calendar.sync.SyncRequests;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.DirectoryWorld;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The directory world with the calendar services and a {@link FakeGoogle}: building B (manager Mia) and its unit 1
 * (owner Olga); tokens "encrypted" by a reversible cipher bound to the connection id; the pull queue recorded.
 */
public final class CalendarFixture extends DirectoryWorld {
    public final FakeGoogle google = new FakeGoogle(clock);
    public final TokenCipher cipher = new TokenCipher() {
        @Override
        public String encrypt(String plaintext, String connectionId) {
            return Base64.getEncoder().encodeToString((connectionId + "|" + new StringBuilder(plaintext).reverse()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decrypt(String ciphertext, String connectionId) {
            String text = new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.UTF_8);
            if (!text.startsWith(connectionId + "|")) throw new IllegalStateException("ciphertext of another connection");
            return new StringBuilder(text.substring(connectionId.length() + 1)).reverse().toString();
        }
    };
    public final List<SyncRequests.Message> queued = new ArrayList<>();
    public final SyncRequests queue = new SyncRequests(null, "queue") {
        @Override
        public void send(List<? extends Message> messages) {
            queued.addAll(messages);
        }
    };
    public final Connections connections = new Connections(table, Map.of("google", google), cipher, clock, "https://api.example.test");
    public final CalendarBook book = new CalendarBook(table, outbox, clock);
    public final Links links = new Links(table);
    public final CalendarSync sync = new CalendarSync(connections, book, links, clock);
    public final CalendarPush push = new CalendarPush(connections, book, links);
    public final Onboarding onboarding = new Onboarding(connections, sync, queue, clock);
    public final CalendarSources sources = new CalendarSources(book, access, table);
    public final IcalFeeds feeds = new IcalFeeds(table, book, clock, "https://api.example.test");

    public final String org = organisation("Estate");
    public final BuildingItem building = building(org, "B");
    public final UnitItem unit = unit(building, "1");
    public final String mia = user("Mia Manager");
    public final String olga = user("Olga Owner");

    public CalendarFixture() {
        member(mia, org, Role.MANAGER, building.getId(), null);
        member(olga, org, Role.OWNER, building.getId(), unit.getId());
    }

    /** The person connects Google: consent, the provider's code, the callback; the answer. */
    public Map<String, Object> connect(String userId) {
        Connections.Consent consent = connections.start(caller(userId), "google");
        Map<String, String> query = query(consent.authorizationUrl());
        return onboarding.callback(google.consent(query.get("code_challenge")), query.get("state"));
    }

    public ConnectionItem connection(String userId) {
        return connections.connection(Connections.connectionId(userId, "google")).orElseThrow();
    }

    /** Each outbox event pushed, as the push consumer would; returns the events pushed. */
    public int pushAll() {
        int pushed = 0;
        for (var event : events.all()) {
            if (!event.type().startsWith("Event")) continue;
            push.push(event.payload().path("userId").asText(), event.payload().path("eventId").asText());
            pushed++;
        }
        return pushed;
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
