package app.domus.local.partners.stripe;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The account's test secret key ({@code sk_test_...}, what the platform authenticates with) and the webhook
 * endpoint's signing secret ({@code whsec_...}, what the platform verifies events with). Kept in the double's data
 * directory so that both stay the same across restarts, as the platform's copies in SSM do.
 */
record StripeKeys(String secretKey, String webhookSecret) {
    private static final String FILE = "keys.json";

    static StripeKeys loadOrCreate(Path directory, StripeDoubleSettings settings) {
        Path file = directory.resolve(FILE);
        try {
            JsonNode stored = Files.exists(file) ? Json.MAPPER.readTree(file.toFile()) : Json.object();
            StripeKeys keys = new StripeKeys(
                    first(settings.secretKey(), stored.path("secretKey").asText(null), "sk_test_" + StripeIds.random(32)),
                    first(settings.webhookSecret(), stored.path("webhookSecret").asText(null), "whsec_" + StripeIds.random(32)));
            ObjectNode written = Json.object().put("secretKey", keys.secretKey()).put("webhookSecret", keys.webhookSecret());
            if (!written.equals(stored)) Files.writeString(file, Json.pretty(written));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Stripe double's keys at " + file, e);
        }
    }

    private static String first(String configured, String stored, String generated) {
        if (configured != null) return configured;
        return stored != null ? stored : generated;
    }
}
