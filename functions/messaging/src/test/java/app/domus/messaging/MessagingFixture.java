package app.domus.messaging;

import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.conversations.CreateConversationRequest;
import app.domus.messaging.delivery.MessageDelivery;
import app.domus.messaging.messages.AttachmentStore;
import app.domus.messaging.messages.MessageItem;
import app.domus.messaging.messages.MessageService;
import app.domus.messaging.messages.PostMessageRequest;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.RecordingLiveUpdates;
import app.domus.shared.uploads.UploadItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory world with the messaging services wired to it, live updates recorded, and a bucket kept in memory:
 * organisation A's building A1 with a manager, a technician, an owner and a tenant; building A2's manager; organisation
 * B's admin, the outsider.
 */
public final class MessagingFixture extends DirectoryWorld {
    /** The photos bucket: key → bytes. */
    public final Map<String, byte[]> bucket = new ConcurrentHashMap<>();
    public final RecordingLiveUpdates liveUpdates = new RecordingLiveUpdates();
    public final AttachmentStore attachments = new AttachmentStore(() -> null, () -> null, config) {
        @Override
        public Optional<Sent> inspect(String key) {
            byte[] bytes = bucket.get(key);
            if (bytes == null) return Optional.empty();
            return Optional.of(new Sent(bytes.length, PhotoFormat.recognise(Arrays.copyOf(bytes, Math.min(bytes.length, PhotoFormat.SIGNATURE_BYTES)))));
        }

        @Override
        public void copy(String fromKey, String toKey, PhotoFormat format) {
            bucket.put(toKey, bucket.get(fromKey));
        }

        @Override
        public void discard(List<String> keys) {
            keys.forEach(bucket::remove);
        }

        @Override
        public String downloadUrl(String key, Duration validFor) {
            return "https://photos.example.test/" + key;
        }
    };
    public final ConversationService conversations = new ConversationService(table, access, clock);
    public final MessageService messages = new MessageService(table, LocalDynamo.client(), outbox, attachments, liveUpdates, clock);
    public final MessageDelivery delivery = new MessageDelivery(conversations, messages, liveUpdates, table);

    public final String orgA = Ids.newId();
    public final String orgB = Ids.newId();
    public final BuildingItem buildingA1 = building(orgA, "Linden Court");
    public final BuildingItem buildingA2 = building(orgA, "Birch House");
    public final String manager = user("Mona Manager");
    public final String managerOfA2 = user("Max Manager");
    public final String technician = user("Theo Technician");
    public final String owner = user("Olga Owner");
    public final String tenant = user("Tom Tenant");
    public final String outsider = user("Oscar Outsider");

    public MessagingFixture() {
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        member(technician, orgA, Role.TECHNICIAN, buildingA1.getId(), null);
        member(owner, orgA, Role.OWNER, buildingA1.getId(), "UNIT1");
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), "UNIT2");
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
    }

    public ConversationItem conversation(String startedBy, String... others) {
        return conversations.start(caller(startedBy), new CreateConversationRequest(List.of(others), null, null)).conversation();
    }

    public MessageItem post(ConversationItem conversation, String senderId, String content) {
        return messages.post(conversations.participation(caller(senderId), conversation.getId()), new PostMessageRequest(content, null));
    }

    /** An upload of the owner's, declared as {@code contentType}, whose object holds {@code bytes} (null: never sent). */
    public UploadItem upload(String ownerId, String contentType, byte[] bytes) {
        UploadItem upload = new UploadItem();
        upload.setId(Ids.newId());
        upload.setPk(UploadItem.pk(upload.getId()));
        upload.setSk(UploadItem.SK);
        upload.setOwnerId(ownerId);
        upload.setObjectKey(UploadItem.objectKey(ownerId, upload.getId()));
        upload.setContentType(contentType);
        upload.setSizeBytes(bytes == null ? 100L : bytes.length);
        upload.setStatus(UploadItem.PENDING);
        upload.setCreatedAt(clock.instant().toString());
        upload.setExpiresAt(clock.instant().plus(Duration.ofMinutes(15)).toString());
        table.of(UploadItem.class).putItem(upload);
        if (bytes != null) bucket.put(upload.getObjectKey(), bytes);
        return upload;
    }

    /**
     * The fixture's clock, which first runs {@code meanwhile} each time a service reads it: another request's write that
     * comes between what a service has read and what it writes (the services read the time just before writing).
     */
    public Clock clockWith(Runnable meanwhile) {
        return new Clock() {
            @Override
            public Instant instant() {
                meanwhile.run();
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the test clock is UTC only");
            }
        };
    }

    @Override
    protected Object outsideState() {
        return Map.copyOf(bucket).keySet();
    }
}
