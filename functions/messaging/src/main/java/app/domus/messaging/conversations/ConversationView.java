package app.domus.messaging.conversations;

import java.util.List;

/** A conversation as one participant sees it, with their unread count and the last message's preview. */
public record ConversationView(String conversationId, String organisationId, String kind, String title, String faultId,
                               List<String> participantIds, String createdAt, LastMessage lastMessage, long unread,
                               String lastReadMessageId) {

    public record LastMessage(String messageId, String senderId, String preview, String sentAt) {}

    public static ConversationView of(ConversationService.Participation p) {
        ConversationItem c = p.conversation();
        LastMessage last = c.getLastMessageId() == null ? null
                : new LastMessage(c.getLastMessageId(), c.getLastSenderId(), c.getLastMessagePreview(), c.getLastMessageAt());
        return new ConversationView(c.getId(), c.getOrganisationId(), c.getKind().toLowerCase(java.util.Locale.ROOT), c.getTitle(),
                c.getFaultId(), c.getParticipantIds(), c.getCreatedAt(), last,
                p.me().getUnread() == null ? 0 : p.me().getUnread(), p.me().getLastReadMessageId());
    }
}
