package app.domus.shared.notify;

import java.util.Map;

/**
 * A request to tell someone something, consumed by the notifier. Address a user ({@code userId}: the
 * notifier looks up contacts and preferences) or, for someone without an account yet, an {@code email}.
 * {@code id} deduplicates redelivery: the same id is delivered once.
 */
public record NotificationRequest(String id, String userId, String email, Category category, String template,
                                  Map<String, String> data) {}
