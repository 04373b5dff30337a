package app.domus.messaging.messages;

/**
 * The messaging context's domain events, written with the change that causes them and published from the outbox:
 * {@code MessagePosted}, {@code MessageEdited} and {@code MessageDeleted} share one payload.
 */
public final class MessageEvents {
    public static final String POSTED = "MessagePosted";
    public static final String EDITED = "MessageEdited";
    public static final String DELETED = "MessageDeleted";

    private MessageEvents() {}

    /**
     * Payload of the three: which message of which conversation, who sent it, and what happened to it ({@code change}:
     * posted, edited or deleted, the event's type in the payload so that one consumer of the three tells them apart).
     */
    public record MessageChange(String conversationId, String messageId, String organisationId, String senderId, String change) {}

    public static String changeOf(String type) {
        return switch (type) {
            case POSTED -> "posted";
            case EDITED -> "edited";
            case DELETED -> "deleted";
            default -> throw new IllegalArgumentException(type);
        };
    }
}
