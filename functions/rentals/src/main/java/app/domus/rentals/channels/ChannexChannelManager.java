package app.domus.rentals.channels;

import app.domus.rentals.reservations.ReservationBook;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Airbnb and Booking.com through a channel manager, shaped after Channex.io's public API v1 (docs.channex.io, "Bookings
 * Collection"): {@code GET <base>/api/v1/bookings?filter[property_id]=<id>&pagination[page]=<n>&pagination[limit]=<l>}
 * with the {@code user-api-key} header; the answer is {@code {"data": [{"type": "booking", "id", "attributes": {...}}],
 * "meta": {"page", "limit", "total"}}} with each booking's {@code status} ({@code new}, {@code modified},
 * {@code cancelled}), {@code ota_name}, {@code ota_reservation_code}, {@code arrival_date}, {@code departure_date},
 * {@code customer} ({@code name}, {@code surname}, {@code mail}, {@code phone}) and {@code occupancy}
 * ({@code adults}, {@code children}). Pages are read until {@code total} bookings were seen (at most
 * {@value #MAX_PAGES} pages). A booking's key is Channex's booking id, the same for all its revisions.
 */
public class ChannexChannelManager implements ChannelSource {
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 40;

    private final String baseUrl;
    private final HttpFetch http;

    public ChannexChannelManager(String baseUrl) {
        this(baseUrl, new HttpFetch());
    }

    ChannexChannelManager(String baseUrl, HttpFetch http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    @Override
    public Fetched fetch(ChannelItem channel, Map<String, String> credentials) {
        String apiKey = credentials.get("apiKey");
        if (apiKey == null) throw new ChannelException("the channel's credentials have no apiKey");
        List<Fetched.Entry> bookings = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            URI uri = URI.create(baseUrl + "/api/v1/bookings?" + param("filter[property_id]", channel.getPropertyId()) + "&"
                    + param("pagination[page]", String.valueOf(page)) + "&" + param("pagination[limit]", String.valueOf(PAGE_SIZE)));
            JsonNode answer = Json.readOrNull(http.get(uri, Map.of("user-api-key", apiKey, "Accept", "application/json")));
            if (answer == null || !answer.path("data").isArray()) throw new ChannelException("the channel manager's answer has no data array");
            for (JsonNode booking : answer.path("data")) bookings.add(entry(booking));
            long total = answer.path("meta").path("total").asLong(-1);
            if (answer.path("data").isEmpty() || total >= 0 && bookings.size() >= total || total < 0 && answer.path("data").size() < PAGE_SIZE) {
                return new Fetched(bookings, false);
            }
        }
        throw new ChannelException("the channel manager has more than " + MAX_PAGES * PAGE_SIZE + " bookings for property " + channel.getPropertyId());
    }

    static Fetched.Entry entry(JsonNode booking) {
        JsonNode a = booking.path("attributes");
        String id = text(booking, "id") != null ? text(booking, "id") : text(a, "id");
        if (id == null) throw new ChannelException("a booking without an id");
        String status = text(a, "status");
        if (status == null || !List.of("new", "modified", "cancelled").contains(status)) {
            throw new ChannelException("booking " + id + " has status " + status + ", not new, modified or cancelled");
        }
        String ota = text(a, "ota_name");
        String channel = ota == null ? "channel-manager" : ota.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (channel.startsWith("bookingcom")) channel = "booking";
        JsonNode customer = a.path("customer");
        String name = String.join(" ", java.util.stream.Stream.of(text(customer, "name"), text(customer, "surname"))
                .filter(s -> s != null && !s.isBlank()).toList());
        JsonNode occupancy = a.path("occupancy");
        Integer guests = occupancy.isObject() ? occupancy.path("adults").asInt(0) + occupancy.path("children").asInt(0) : null;
        boolean cancelled = status.equals("cancelled");
        try {
            LocalDate in = text(a, "arrival_date") == null ? null : LocalDate.parse(text(a, "arrival_date"));
            LocalDate out = text(a, "departure_date") == null ? null : LocalDate.parse(text(a, "departure_date"));
            return new Fetched.Entry(channel, new ReservationBook.Booking(id, cancelled, in, out, name.isBlank() ? null : name,
                    text(customer, "mail"), text(customer, "phone"), guests == null || guests == 0 ? null : guests));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ChannelException("booking " + id + " has bad dates: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
