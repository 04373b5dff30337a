package app.domus.local.partners.calendar;

import app.domus.local.aws.SecretStore;
import app.domus.local.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What an operator does once in Secrets Manager, done by the local cloud at start: the calendar doubles' OAuth client
 * secrets go into the secret the template names ({@code CalendarClientSecretsName}), as JSON
 * {@code {"google": ..., "outlook": ...}}; the client ids are template parameters the doubles set.
 */
public final class CalendarPlatformWiring {
    static final String CLIENT_SECRETS_PARAMETER = "CalendarClientSecretsName";

    private CalendarPlatformWiring() {}

    public static void connect(Map<String, String> baseUrls, Function<String, Object> templateParameter, SecretStore secrets, String region) {
        Object name = templateParameter.apply(CLIENT_SECRETS_PARAMETER);
        if (name == null) return;
        Map<String, String> value = new LinkedHashMap<>();
        if (baseUrls.containsKey(GoogleCalendarDouble.NAME)) value.put("google", GoogleCalendarDouble.CLIENT_SECRET);
        if (baseUrls.containsKey(MicrosoftGraphDouble.NAME)) value.put("outlook", MicrosoftGraphDouble.CLIENT_SECRET);
        if (!value.isEmpty()) secrets.seed(String.valueOf(name), Json.write(value), region, false);
    }
}
