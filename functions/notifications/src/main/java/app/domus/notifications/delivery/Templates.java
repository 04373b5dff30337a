package app.domus.notifications.delivery;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages the notifier can send, by name. {@code {{key}}} is replaced by the request's {@code data}
 * value for the key, once (a value that itself contains braces is not expanded again). A request that names
 * an unknown template or leaves a placeholder without a value is a bug in its sender: rendering fails, and
 * the message ends in the dead-letter queue where someone will see it, rather than going out half-filled.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private static final Map<String, Message> TEMPLATES = Map.of(
            "welcome", new Message("Welcome to Domus",
                    "Hello,\n\nyour Domus account for {{email}} is ready. Sign in with this address to see your home."),
            "invitation", new Message("Your invitation to Domus",
                    "You have been invited to Domus as {{role}}.\n\nRegister with the invitation code {{code}} before {{expiresAt}}."),
            "generic", new Message("{{subject}}", "{{body}}"));

    private Templates() {}

    /** A rendered message: the subject doubles as a push notification's title. */
    public record Message(String subject, String body) {}

    public static Message render(String template, Map<String, String> data) {
        Message source = template == null ? null : TEMPLATES.get(template);
        if (source == null) throw new IllegalArgumentException("Unknown notification template " + template);
        Map<String, String> values = data == null ? Map.of() : data;
        return new Message(fill(template, source.subject(), values), fill(template, source.body(), values));
    }

    private static String fill(String template, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + template + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
