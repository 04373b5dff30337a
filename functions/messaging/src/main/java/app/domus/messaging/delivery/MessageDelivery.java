package app.domus.messaging.delivery;

import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.messages.MessageEvents;
import app.domus.messaging.messages.MessageItem;
import app.domus.messaging.messages.MessageService;
import app.domus.messaging.messages.MessageView;
import app.domus.shared.directory.UserItem;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Takes a message to its participants. Each one's personal topic gets it live, on every device they are online on;
 * for a new message the others are pushed (and e-mailed, by their preferences) when it reaches none of their
 * connections, the WebSocket broadcaster deciding that, since only it sees a connection turn out to be gone. The
 * sender's own other devices get it too, never a push. Edits and deletions go live only. What is sent is the message as
 * stored when delivered, so a late delivery of a message since deleted shows it deleted.
 */
@Singleton
public class MessageDelivery {
    static final String TEMPLATE = "message-received";

    private final ConversationService conversations;
    private final MessageService messages;
    private final LiveUpdates liveUpdates;
    private final DomusTable table;

    @Inject
    public MessageDelivery(ConversationService conversations, MessageService messages, LiveUpdates liveUpdates, DomusTable table) {
        this.conversations = conversations;
        this.messages = messages;
        this.liveUpdates = liveUpdates;
        this.table = table;
    }

    /** {@code {"type":"message"|"message.edited"|"message.deleted","conversationId":...,"message":{...}}}. */
    public record LiveMessage(String type, String conversationId, MessageView message) {}

    public void deliver(MessageEvents.MessageChange change) {
        ConversationItem conversation = conversations.find(change.conversationId()).orElse(null);
        if (conversation == null) return;
        MessageItem message = messages.find(conversation, change.messageId()).orElse(null);
        if (message == null) return;
        String type = switch (change.change()) {
            case "posted" -> "message";
            case "edited" -> "message.edited";
            default -> "message.deleted";
        };
        LiveMessage live = new LiveMessage(type, conversation.getId(), MessageView.of(message, null));
        boolean newMessage = "posted".equals(change.change()) && !message.deleted();
        Map<String, String> data = newMessage ? notice(conversation, message) : null;
        for (String userId : conversation.getParticipantIds()) {
            String topic = LiveUpdates.userTopic(userId);
            if (newMessage && !userId.equals(message.getSenderId())) {
                liveUpdates.sendOrNotify(topic, live, new NotificationRequest("message-" + message.getId() + "#" + userId, userId, null,
                        Category.MESSAGES, TEMPLATE, data));
            } else {
                liveUpdates.send(topic, live);
            }
        }
    }

    private Map<String, String> notice(ConversationItem conversation, MessageItem message) {
        String sender = table.get(UserItem.class, UserItem.pk(message.getSenderId()), UserItem.SK)
                .map(UserItem::getDisplayName).orElse("Someone");
        return Map.of("senderName", sender, "conversation", conversation.getTitle() == null ? "a conversation with you" : conversation.getTitle(),
                "preview", conversation.getLastMessageId() != null && conversation.getLastMessageId().equals(message.getId())
                        ? conversation.getLastMessagePreview() : MessageService.preview(message),
                "conversationId", conversation.getId());
    }

}
