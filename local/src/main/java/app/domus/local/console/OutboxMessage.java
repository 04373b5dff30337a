package app.domus.local.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message the platform sent to a person, captured instead of delivered.
 *
 * @param channel {@code email}, {@code sms} or {@code push}
 * @param details channel-specific extras (headers, push payloads, SNS attributes)
 */
public record OutboxMessage(String id, Instant sentAt, String channel, String from, List<String> to, String subject,
                            String text, String html, Map<String, Object> details) {

    boolean isFor(String recipient) {
        return to.stream().anyMatch(address -> address.equalsIgnoreCase(recipient));
    }
}
