package app.domus.messaging.messages;

import java.util.List;
import java.util.function.Function;

/**
 * A message as participants see it. A deleted one keeps its place, sender and time, with {@code deleted: true} and no
 * content or attachments. Attachment URLs are presigned GETs, valid for a quarter of an hour; a live message carries the
 * attachments without URLs (listing the messages gives them).
 */
public record MessageView(String messageId, String conversationId, String senderId, String content,
                          List<AttachmentView> attachments, String sentAt, String editedAt, boolean deleted, String deletedAt) {

    public record AttachmentView(String contentType, long sizeBytes, String url) {}

    public static MessageView of(MessageItem m, Function<Attachment, String> urls) {
        List<AttachmentView> attachments = m.getAttachments() == null ? List.of() : m.getAttachments().stream()
                .map(a -> new AttachmentView(a.getContentType(), a.getSizeBytes(), urls == null ? null : urls.apply(a))).toList();
        return new MessageView(m.getId(), m.getConversationId(), m.getSenderId(), m.deleted() ? null : m.getContent(),
                m.deleted() ? List.of() : attachments, m.getSentAt(), m.getEditedAt(), m.deleted(), m.getDeletedAt());
    }
}
