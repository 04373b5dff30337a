package app.domus.messaging.messages;

import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ConversationService.Participation;
import app.domus.messaging.conversations.ParticipantItem;
import app.domus.shared.events.NewEvent;
import app.domus.shared.events.Outbox;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.uploads.UploadItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Messages of a conversation: sending (the message, the conversation's last message, every participant's activity and
 * unread count, the photos it takes and its {@code MessagePosted} event in one transaction), paging backwards from the
 * newest, editing within {@link #EDIT_WINDOW}, deleting one's own, and read receipts.
 *
 * <p>Sending writes with update expressions rather than versioned puts: two people writing in one conversation at once
 * both add to the same counters, and neither should be refused for it. DynamoDB refuses a transaction that meets
 * another on the same item at the same moment; it is tried again.
 */
@Singleton
public class MessageService {
    private static final Logger LOG = LoggerFactory.getLogger(MessageService.class);
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** The photos bucket takes uploads of up to 10 MB (POST /uploads); so does a message. */
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    static final Duration ATTACHMENT_URL_VALIDITY = Duration.ofMinutes(15);
    static final int PREVIEW_CHARS = 120;
    private static final int ATTEMPTS = 5;

    private final DomusTable table;
    private final DynamoDbClient dynamoDb;
    private final Outbox outbox;
    private final AttachmentStore attachments;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    @Inject
    public MessageService(DomusTable table, DynamoDbClient dynamoDb, Outbox outbox, AttachmentStore attachments,
                          LiveUpdates liveUpdates, Clock clock) {
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.outbox = outbox;
        this.attachments = attachments;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
    }

    public MessageItem post(Participation participation, PostMessageRequest request) {
        ConversationItem conversation = participation.conversation();
        String senderId = participation.me().getUserId();
        List<UploadItem> uploads = new ArrayList<>();
        List<PhotoFormat> formats = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < request.attachmentIds().size(); i++) {
            String field = "attachments[" + i + "]";
            UploadItem upload = upload(senderId, request.attachmentIds().get(i), field);
            AttachmentStore.Sent sent = attachments.inspect(upload.getObjectKey())
                    .orElseThrow(() -> ApiException.validation(field, "has not been sent yet"));
            if (sent.sizeBytes() == 0 || sent.sizeBytes() > MAX_ATTACHMENT_BYTES) throw ApiException.validation(field, "must be an image of at most 10 MB");
            PhotoFormat format = sent.format().orElseThrow(() ->
                    ApiException.validation(field, "must be a JPEG, PNG or WebP image (recognised by its content)"));
            if (!format.contentType().equalsIgnoreCase(upload.getContentType())) {
                throw ApiException.validation(field, "is a " + format.contentType() + ", not the " + upload.getContentType() + " it was declared as");
            }
            uploads.add(upload);
            formats.add(format);
            sizes.add(sent.sizeBytes());
        }

        Instant now = clock.instant();
        MessageItem message = new MessageItem();
        message.setId(Ids.newId());
        message.setPk(ConversationItem.pk(conversation.getId()));
        message.setSk(MessageItem.sk(message.getId()));
        message.setConversationId(conversation.getId());
        message.setOrganisationId(conversation.getOrganisationId());
        message.setSenderId(senderId);
        message.setContent(request.content());
        message.setSentAt(now.toString());
        List<Attachment> taken = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Attachment attachment = new Attachment();
            attachment.setUploadId(uploads.get(i).getId());
            attachment.setContentType(formats.get(i).contentType());
            attachment.setSizeBytes(sizes.get(i));
            attachment.setObjectKey("messages/" + conversation.getId() + "/" + message.getId() + "/" + i + "." + formats.get(i).extension());
            attachments.copy(uploads.get(i).getObjectKey(), attachment.getObjectKey(), formats.get(i));
            taken.add(attachment);
        }
        message.setAttachments(taken.isEmpty() ? null : taken);
        message.setVersion(1L);

        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(MessageItem.SCHEMA, message));
        writes.add(update(conversation.getPk(), ConversationItem.SK,
                "SET lastMessageId = :id, lastMessageAt = :at, lastSenderId = :sender, lastMessagePreview = :preview ADD messageCount :one, version :one",
                Map.of(":id", s(message.getId()), ":at", s(message.getSentAt()), ":sender", s(senderId),
                        ":preview", s(preview(message)), ":one", n(1)), null));
        for (String userId : conversation.getParticipantIds()) {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":activity", s(ParticipantItem.activity(message.getSentAt(), conversation.getId())),
                    ":at", s(message.getSentAt()), ":one", n(1)));
            String expression;
            if (userId.equals(senderId)) {
                expression = "SET gsi1sk = :activity, lastActivityAt = :at, lastReadMessageId = :id, lastReadAt = :at, unread = :zero ADD version :one";
                values.put(":id", s(message.getId()));
                values.put(":zero", n(0));
            } else {
                expression = "SET gsi1sk = :activity, lastActivityAt = :at ADD unread :one, version :one";
            }
            writes.add(update(conversation.getPk(), ParticipantItem.sk(userId), expression, values, null));
        }
        for (UploadItem upload : uploads) {
            writes.add(update(upload.getPk(), UploadItem.SK, "SET #status = :used, usedFor = :for ADD version :one",
                    Map.of(":used", s(UploadItem.USED), ":pending", s(UploadItem.PENDING), ":for", s("message:" + message.getId()), ":one", n(1)),
                    "#status = :pending"));
        }
        OutboxItem event = outbox.item(Ids.newId(), now, change(MessageEvents.POSTED, message));
        event.setVersion(1L);
        writes.add(put(OutboxItem.SCHEMA, event));
        try {
            transact(writes, uploads.size());
        } catch (RuntimeException e) {
            // Not stored: its copies of the photos go too (the uploads stay the sender's, to send again).
            attachments.discard(taken.stream().map(Attachment::getObjectKey).toList());
            throw e;
        }
        return message;
    }

    private void transact(List<TransactWriteItem> writes, int uploads) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < reasons.size(); i++) {
                    if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) continue;
                    int firstUpload = writes.size() - 1 - uploads;
                    if (i >= firstUpload && i < writes.size() - 1) {
                        throw ApiException.validation("attachments[" + (i - firstUpload) + "]", "has already been used");
                    }
                    throw ApiException.notFound("The conversation");
                }
                if (attempt >= ATTEMPTS) throw ApiException.conflict("The conversation is busy; send the message again");
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The sender's own upload that has not been taken yet; anyone else's, or none, gets the same answer. */
    private UploadItem upload(String senderId, String uploadId, String field) {
        UploadItem upload = table.get(UploadItem.class, UploadItem.pk(uploadId), UploadItem.SK)
                .filter(u -> senderId.equals(u.getOwnerId())).orElse(null);
        if (upload == null) throw ApiException.validation(field, "does not name an upload of yours");
        if (!UploadItem.PENDING.equals(upload.getStatus())) throw ApiException.validation(field, "has already been used");
        return upload;
    }

    /** A page of the conversation's messages, newest first; the cursor goes on to older ones. */
    public Page<MessageItem> page(ConversationItem conversation, int limit, String cursor) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(conversation.getPk())
                        .sortValue(MessageItem.SK_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", conversation.getPk()))
                .build();
        var page = table.of(MessageItem.class).query(request).iterator().next();
        return new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()));
    }

    /** The conversation's participants and how far each has read (for read receipts). */
    public List<ParticipantItem> participants(ConversationItem conversation) {
        return table.all(ParticipantItem.class, conversation.getPk(), ParticipantItem.SK_PREFIX);
    }

    public String attachmentUrl(Attachment attachment) {
        return attachments.downloadUrl(attachment.getObjectKey(), ATTACHMENT_URL_VALIDITY);
    }

    /** Its sender changes the text, within {@link #EDIT_WINDOW} of sending. */
    public MessageItem edit(Participation participation, String messageId, String content) {
        MessageItem message = own(participation, messageId, "edit");
        if (message.deleted()) throw new ApiException(ProblemType.INVALID_STATE, "The message was deleted");
        Instant now = clock.instant();
        if (now.isAfter(Instant.parse(message.getSentAt()).plus(EDIT_WINDOW))) {
            throw new ApiException(ProblemType.INVALID_STATE, "A message may be edited within 15 minutes of sending it");
        }
        message.setContent(content);
        message.setEditedAt(now.toString());
        write(message, MessageEvents.EDITED);
        return message;
    }

    /** Its sender deletes it: the others see that a message was deleted, not what it said. Deleting again changes nothing. */
    public MessageItem delete(Participation participation, String messageId) {
        MessageItem message = own(participation, messageId, "delete");
        if (message.deleted()) return message;
        message.setContent(null);
        message.setAttachments(null);
        message.setDeletedAt(clock.instant().toString());
        write(message, MessageEvents.DELETED);
        return message;
    }

    private MessageItem own(Participation participation, String messageId, String verb) {
        MessageItem message = find(participation.conversation(), messageId).orElseThrow(() -> ApiException.notFound("The message"));
        if (!message.getSenderId().equals(participation.me().getUserId())) {
            throw ApiException.forbidden("You may " + verb + " only your own messages");
        }
        return message;
    }

    private void write(MessageItem message, String eventType) {
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(MessageItem.class), message);
        outbox.add(transaction, change(eventType, message));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("The message changed meanwhile; read it again");
        }
    }

    public java.util.Optional<MessageItem> find(ConversationItem conversation, String messageId) {
        if (messageId == null || !messageId.matches("[0-9A-Z]{26}")) return java.util.Optional.empty();
        return table.get(MessageItem.class, conversation.getPk(), MessageItem.sk(messageId));
    }

    /**
     * A read receipt: the reader has seen everything up to this message. Their unread count becomes the others' messages
     * after it; an older receipt than the one recorded changes nothing. The other participants online are told at once.
     */
    public ParticipantItem markRead(Participation participation, String upToMessageId) {
        ConversationItem conversation = participation.conversation();
        ParticipantItem me = participation.me();
        if (find(conversation, upToMessageId).isEmpty()) {
            throw ApiException.validation("upToMessageId", "does not name a message of this conversation");
        }
        if (me.getLastReadMessageId() != null && me.getLastReadMessageId().compareTo(upToMessageId) >= 0) return me;
        int unread = dynamoDb.query(b -> b.tableName(table.name()).select(Select.COUNT)
                // The messages after this one and nothing else: the participants' items sort after every message.
                .keyConditionExpression("pk = :pk AND sk BETWEEN :after AND :last")
                .filterExpression("senderId <> :me")
                .expressionAttributeValues(Map.of(":pk", s(conversation.getPk()), ":after", s(MessageItem.sk(upToMessageId) + "0"),
                        ":last", s(MessageItem.SK_PREFIX + "~"), ":me", s(me.getUserId())))).count();
        String now = clock.instant().toString();
        try {
            dynamoDb.updateItem(b -> b.tableName(table.name())
                    .key(Map.of("pk", s(conversation.getPk()), "sk", s(me.getSk())))
                    .updateExpression("SET lastReadMessageId = :id, lastReadAt = :at, unread = :unread ADD version :one")
                    .conditionExpression("attribute_not_exists(lastReadMessageId) OR lastReadMessageId < :id")
                    .expressionAttributeValues(Map.of(":id", s(upToMessageId), ":at", s(now), ":unread", n(unread), ":one", n(1))));
        } catch (ConditionalCheckFailedException e) {
            // A later receipt of the same reader was recorded meanwhile; it stands.
            return table.get(ParticipantItem.class, conversation.getPk(), me.getSk()).orElse(me);
        }
        me.setLastReadMessageId(upToMessageId);
        me.setLastReadAt(now);
        me.setUnread((long) unread);
        ReadReceipt receipt = new ReadReceipt("message.read", conversation.getId(), me.getUserId(), upToMessageId, now);
        for (String userId : conversation.getParticipantIds()) {
            try {
                liveUpdates.send(LiveUpdates.userTopic(userId), receipt);
            } catch (RuntimeException e) {
                // A receipt is a courtesy: the next GET of the messages shows it anyway.
                LOG.warn("Read receipt of conversation {} not sent live: {}", conversation.getId(), e.getMessage());
                break;
            }
        }
        return me;
    }

    /** What the other participants' devices are sent when someone reads: {@code {"type":"message.read",...}}. */
    public record ReadReceipt(String type, String conversationId, String userId, String upToMessageId, String readAt) {}

    static NewEvent change(String type, MessageItem message) {
        // The message is the aggregate: its own events keep their order (posted, edited, deleted), while the messages of a
        // busy conversation are not queued behind one another in the outbox relay (clients order them by id).
        return new NewEvent(type, message.getOrganisationId(), message.getId(),
                new MessageEvents.MessageChange(message.getConversationId(), message.getId(), message.getOrganisationId(), message.getSenderId(),
                        MessageEvents.changeOf(type)));
    }

    /** A message as a conversation list and a push show it: its text stripped and cut, or "[photo]" if it has none. */
    public static String preview(MessageItem message) {
        if (message.getContent() == null || message.getContent().isBlank()) return "[photo]";
        String text = message.getContent().strip();
        if (text.length() <= PREVIEW_CHARS) return text;
        int end = PREVIEW_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // never cut an emoji in half
        return text.substring(0, end) + "…";
    }

    private <T> TransactWriteItem put(TableSchema<T> schema, T item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(schema.itemToMap(item, true))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem update(String pk, String sk, String expression, Map<String, AttributeValue> values, String condition) {
        Update.Builder update = Update.builder().tableName(table.name())
                .key(Map.of("pk", s(pk), "sk", s(sk)))
                .updateExpression(expression)
                .conditionExpression(condition == null ? "attribute_exists(pk)" : "attribute_exists(pk) AND " + condition)
                .expressionAttributeValues(values);
        if (expression.contains("#status")) update.expressionAttributeNames(Map.of("#status", "status"));
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static AttributeValue s(String value) { return AttributeValue.fromS(value); }
    private static AttributeValue n(long value) { return AttributeValue.fromN(Long.toString(value)); }
}
