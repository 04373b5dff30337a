package app.domus.listings.imports;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A RESO Web API server (Web API Core 2.0: OData 4 over JSON, RESO Data Dictionary names). Authentication is OAuth 2
 * client credentials: {@code POST tokenUrl} with {@code grant_type=client_credentials}, the token then sent as
 * {@code Authorization: Bearer}. Properties are read from {@code <endpoint>/Property} ordered by {@code ListingKey}
 * with {@code $expand=Media}, {@code $top} per page, following the server's {@code @odata.nextLink} (server-driven
 * paging); photos are the {@code Media} of category {@code Photo} by {@code Order}, downloaded from {@code MediaURL}.
 */
public class ResoWebApi implements CrmSource {
    public static final int PAGE_SIZE = 50;

    private record Token(String value, Instant expiresAt) {}

    private final CrmHttp http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public ResoWebApi(CrmHttp http) {
        this.http = http;
    }

    @Override
    public void test(Connection connection) {
        read(connection, base(connection) + "/Property?$top=1&$select=ListingKey");
    }

    @Override
    public CrmPage page(Connection connection, String cursor) {
        String url = cursor != null ? cursor
                : base(connection) + "/Property?$top=" + PAGE_SIZE + "&$orderby=ListingKey&$expand=Media";
        if (!url.startsWith(base(connection))) throw new CrmException("The server's next page " + url + " is not under " + base(connection), false);
        JsonNode answer = read(connection, url);
        JsonNode value = answer.path("value");
        if (!value.isArray()) throw new CrmException("The server's answer has no 'value' array of properties", false);
        List<CrmRecord> records = new ArrayList<>();
        List<ImportEvents.ItemError> unreadable = new ArrayList<>();
        int position = 0;
        for (JsonNode property : value) {
            position++;
            String key = property.path("ListingKey").asText("");
            if (!property.isObject() || key.isBlank()) {
                unreadable.add(new ImportEvents.ItemError("#" + position + (cursor == null ? "" : " of " + cursor),
                        List.of("the property has no ListingKey")));
                continue;
            }
            records.add(record(key, property));
        }
        String next = answer.path("@odata.nextLink").asText(null);
        return new CrmPage(records, unreadable, next == null || next.isBlank() || value.isEmpty() ? null : next);
    }

    private static CrmRecord record(String key, JsonNode property) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        property.fields().forEachRemaining(field -> {
            JsonNode v = field.getValue();
            if (v.isValueNode() && !v.isNull()) fields.put(field.getKey(), v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
            if (v.isArray() && !field.getKey().equals("Media")) {
                List<String> values = new ArrayList<>();
                v.forEach(item -> { if (item.isValueNode()) values.add(item.asText()); });
                lists.put(field.getKey(), values);
            }
        });
        List<JsonNode> media = new ArrayList<>();
        property.path("Media").forEach(media::add);
        List<String> photos = media.stream()
                .filter(m -> m.path("MediaCategory").asText("Photo").equalsIgnoreCase("Photo") && m.hasNonNull("MediaURL"))
                .sorted(Comparator.comparingInt(m -> m.path("Order").asInt(Integer.MAX_VALUE)))
                .map(m -> m.path("MediaURL").asText()).toList();
        return new CrmRecord(key, fields, lists, photos);
    }

    private JsonNode read(Connection connection, String url) {
        CrmHttp.Response response = http.get(url, Map.of("Authorization", "Bearer " + token(connection), "Accept", "application/json"));
        if (response.status() == 401) {
            tokens.remove(tokenKey(connection));
            throw new CrmException("The RESO server refused the access token (401)", true);
        }
        if (response.status() == 403) throw new CrmException("The RESO server refused access to Property (403)", true);
        if (!response.ok()) throw new CrmException("The RESO server answered " + response.status() + " to " + url, false);
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new CrmException("The RESO server's answer is not JSON", e);
        }
    }

    private String token(Connection connection) {
        String key = tokenKey(connection);
        Token cached = tokens.get(key);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(30))) return cached.value();
        Map<String, String> c = connection.credentials();
        String form = "grant_type=client_credentials&client_id=" + enc(c.get("clientId")) + "&client_secret=" + enc(c.get("clientSecret"))
                + (c.get("scope") == null ? "" : "&scope=" + enc(c.get("scope")));
        CrmHttp.Response response = http.postForm(c.get("tokenUrl"), form);
        if (response.status() == 400 || response.status() == 401) {
            throw new CrmException("The RESO server's token endpoint refused the client credentials (" + response.status() + ")", true);
        }
        if (!response.ok()) throw new CrmException("The RESO server's token endpoint answered " + response.status(), false);
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new CrmException("The token endpoint's answer is not JSON", e);
        }
        String token = answer.path("access_token").asText("");
        if (token.isBlank()) throw new CrmException("The token endpoint's answer has no access_token", false);
        tokens.put(key, new Token(token, Instant.now().plusSeconds(answer.path("expires_in").asLong(3600))));
        return token;
    }

    /**
     * A token is kept for the credentials that got it, secret and scope included: the cache lives as long as the sandbox
     * and serves every agency's imports, so a wrong secret for someone else's client id must never reuse their token.
     */
    private static String tokenKey(Connection connection) {
        Map<String, String> c = connection.credentials();
        return c.get("tokenUrl") + " " + c.get("clientId") + " " + c.get("scope") + " " + sha256(String.valueOf(c.get("clientSecret")));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String base(Connection connection) {
        String endpoint = connection.endpoint().strip();
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
