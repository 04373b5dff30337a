package app.domus.messaging.conversations;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conversations between members of one organisation: who may start one with whom, who is in one (to anyone else it
 * does not exist), a person's conversations newest activity first, and the one conversation of each fault.
 */
@Singleton
public class ConversationService {
    /**
     * A message updates its conversation and every participant in one transaction (DynamoDB's limit is 100 items, with
     * the message, the conversation, its event and the uploads it takes), so a group has at most this many people.
     */
    public static final int MAX_PARTICIPANTS = 50;

    private final DomusTable table;
    private final AccessService access;
    private final Clock clock;

    @Inject
    public ConversationService(DomusTable table, AccessService access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Starts a conversation. The caller names the organisation when they belong to several; every participant must be a
     * member of it (whatever their role: owners, tenants, managers, technicians, admins), so no one reaches another
     * organisation's people. Two people have one direct conversation per organisation: starting it again (from either
     * side) gives the one they have.
     */
    public Started start(Caller caller, CreateConversationRequest request) {
        String organisationId = organisationOf(caller, request.organisationId());
        Set<String> people = new LinkedHashSet<>();
        people.add(caller.userId());
        people.addAll(request.participantIds());
        if (people.size() < 2) throw ApiException.validation("participantIds", "must name someone other than you");
        for (String userId : people) {
            if (!userId.equals(caller.userId()) && access.memberships(userId, organisationId).isEmpty()) {
                throw ApiException.validation("participantIds", "must name members of the conversation's organisation");
            }
        }
        String kind = people.size() == 2 && request.title() == null ? ConversationItem.DIRECT : ConversationItem.GROUP;
        List<String> participants = List.copyOf(people);
        DirectPairItem pair = null;
        if (kind.equals(ConversationItem.DIRECT)) {
            pair = new DirectPairItem();
            pair.setPk(DirectPairItem.pk(organisationId, participants.get(0), participants.get(1)));
            pair.setSk(DirectPairItem.SK);
            Optional<ConversationItem> existing = direct(pair);
            if (existing.isPresent()) return new Started(existing.get(), false);
        }
        ConversationItem conversation = newConversation(Ids.newId(), organisationId, kind, request.title(), caller.userId());
        if (pair != null) pair.setConversationId(conversation.getId());
        try {
            write(conversation, participants, pair);
        } catch (TransactionCanceledException e) {
            // The same two people started it at the same moment (from either side): the first one stands.
            if (pair == null) throw e;
            return new Started(direct(pair).orElseThrow(() -> e), false);
        }
        return new Started(conversation, true);
    }

    /** What starting a conversation gave: a new one, or the direct conversation the two already have. */
    public record Started(ConversationItem conversation, boolean created) {}

    private Optional<ConversationItem> direct(DirectPairItem pair) {
        return table.get(DirectPairItem.class, pair.getPk(), DirectPairItem.SK).flatMap(p -> find(p.getConversationId()));
    }

    private String organisationOf(Caller caller, String requested) {
        List<MembershipItem> mine = access.memberships(caller.userId());
        Set<String> organisations = new LinkedHashSet<>();
        mine.forEach(m -> organisations.add(m.getOrganisationId()));
        if (requested != null) {
            if (!organisations.contains(requested)) throw ApiException.notFound("The organisation");
            return requested;
        }
        if (organisations.isEmpty()) throw ApiException.notFound("The organisation");
        if (organisations.size() > 1) throw ApiException.validation("organisationId", "is required: you belong to more than one organisation");
        return organisations.iterator().next();
    }

    /**
     * The fault's conversation, opened when the fault is reported, between its reporter and the building's managers (its
     * assignee joins when assigned). Its id is the fault's, so a redelivered report opens it once.
     */
    public void openForFault(String faultId, String organisationId, String buildingId, String reportedBy, String category) {
        if (table.get(ConversationItem.class, ConversationItem.pk(faultId), ConversationItem.SK).isPresent()) return;
        Set<String> people = new LinkedHashSet<>();
        if (reportedBy != null) people.add(reportedBy);
        access.membersOf(buildingId, Role.MANAGER).forEach(m -> people.add(m.getUserId()));
        ConversationItem conversation = newConversation(faultId, organisationId, ConversationItem.FAULT,
                "Fault" + (category == null ? "" : ": " + category.replace('_', ' ')), reportedBy);
        conversation.setFaultId(faultId);
        conversation.setBuildingId(buildingId);
        List<String> participants = people.stream().limit(MAX_PARTICIPANTS).toList();
        try {
            write(conversation, participants, null);
        } catch (TransactionCanceledException e) {
            // The same report, delivered twice at once: the other delivery opened it.
            if (table.get(ConversationItem.class, ConversationItem.pk(faultId), ConversationItem.SK).isEmpty()) throw e;
        }
    }

    /** Attempts of {@link #join} when another write to the conversation came between its read and its write. */
    static final int JOIN_ATTEMPTS = 5;

    /**
     * Adds someone (a fault's new assignee) to a conversation; being in already changes nothing. The conversation is
     * written at the version read, so a concurrent change (a message, another assignment of the same fault) makes the
     * write fail: it is read and tried again, rather than left to the queue's visibility timeout.
     */
    public void join(String conversationId, String userId) {
        for (int attempt = 1; ; attempt++) {
            try {
                tryJoin(conversationId, userId);
                return;
            } catch (TransactionCanceledException e) {
                boolean lostARace = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code()));
                if (!lostARace || attempt >= JOIN_ATTEMPTS) throw e;
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L << attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void tryJoin(String conversationId, String userId) {
        ConversationItem conversation = table.get(ConversationItem.class, ConversationItem.pk(conversationId), ConversationItem.SK)
                .orElseThrow(() -> new IllegalStateException("No conversation " + conversationId + " yet; retried later"));
        if (conversation.getParticipantIds().contains(userId)) return;
        if (conversation.getParticipantIds().size() >= MAX_PARTICIPANTS) return;
        List<String> people = new ArrayList<>(conversation.getParticipantIds());
        people.add(userId);
        conversation.setParticipantIds(people);
        LiveTopicItem topic = table.get(LiveTopicItem.class, LiveTopicItem.pk(ConversationItem.topic(conversationId)), LiveTopicItem.SK)
                .orElseThrow();
        topic.setMemberIds(people);
        String now = clock.instant().toString();
        table.client().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(table.of(ConversationItem.class), conversation)
                .addUpdateItem(table.of(LiveTopicItem.class), topic)
                .addPutItem(table.of(ParticipantItem.class), participant(conversation, userId,
                        conversation.getLastMessageAt() == null ? now : conversation.getLastMessageAt(), now))
                .build());
    }

    private ConversationItem newConversation(String id, String organisationId, String kind, String title, String createdBy) {
        ConversationItem conversation = new ConversationItem();
        conversation.setId(id);
        conversation.setPk(ConversationItem.pk(id));
        conversation.setSk(ConversationItem.SK);
        conversation.setOrganisationId(organisationId);
        conversation.setKind(kind);
        conversation.setTitle(title);
        conversation.setCreatedBy(createdBy);
        conversation.setCreatedAt(clock.instant().toString());
        conversation.setMessageCount(0L);
        return conversation;
    }

    /** The conversation, its participants, its members-only live topic (and a direct one's pair), in one transaction. */
    private void write(ConversationItem conversation, List<String> people, DirectPairItem pair) {
        conversation.setParticipantIds(people);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(ConversationItem.class), conversation);
        if (pair != null) transaction.addPutItem(table.of(DirectPairItem.class), pair);
        for (String userId : people) {
            transaction.addPutItem(table.of(ParticipantItem.class), participant(conversation, userId, conversation.getCreatedAt(), conversation.getCreatedAt()));
        }
        LiveTopicItem topic = LiveTopicItem.of(ConversationItem.topic(conversation.getId()), conversation.getOrganisationId(),
                conversation.getBuildingId(), conversation.getCreatedAt());
        topic.setMemberIds(people);
        transaction.addPutItem(table.of(LiveTopicItem.class), topic);
        table.client().transactWriteItems(transaction.build());
    }

    private static ParticipantItem participant(ConversationItem conversation, String userId, String activityAt, String now) {
        ParticipantItem p = new ParticipantItem();
        p.setPk(ConversationItem.pk(conversation.getId()));
        p.setSk(ParticipantItem.sk(userId));
        p.setGsi1pk(ParticipantItem.byUser(userId));
        p.setGsi1sk(ParticipantItem.activity(activityAt, conversation.getId()));
        p.setConversationId(conversation.getId());
        p.setUserId(userId);
        p.setOrganisationId(conversation.getOrganisationId());
        p.setJoinedAt(now);
        p.setLastActivityAt(activityAt);
        p.setUnread(0L);
        return p;
    }

    /** The conversation, to one of its participants; to anyone else it does not exist. */
    public Participation participation(Caller caller, String conversationId) {
        if (conversationId == null || !conversationId.matches("[0-9A-Z]{26}")) throw ApiException.notFound("The conversation");
        ParticipantItem me = table.get(ParticipantItem.class, ConversationItem.pk(conversationId), ParticipantItem.sk(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("The conversation"));
        ConversationItem conversation = table.get(ConversationItem.class, ConversationItem.pk(conversationId), ConversationItem.SK)
                .orElseThrow(() -> ApiException.notFound("The conversation"));
        return new Participation(conversation, me);
    }

    public Optional<ConversationItem> find(String conversationId) {
        return table.get(ConversationItem.class, ConversationItem.pk(conversationId), ConversationItem.SK);
    }

    /** A page of the person's conversations, newest activity first, with their unread counts. */
    public Page<Participation> mine(String userId, int limit, String cursor) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(ParticipantItem.byUser(userId)).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, TableItem.GSI1 + "pk", ParticipantItem.byUser(userId)))
                .build();
        var page = table.of(ParticipantItem.class).index(TableItem.GSI1).query(request).iterator().next();
        List<Participation> items = new ArrayList<>();
        for (ParticipantItem p : page.items()) {
            find(p.getConversationId()).ifPresent(c -> items.add(new Participation(c, p)));
        }
        return new Page<>(items, Cursor.encode(page.lastEvaluatedKey()));
    }

    /** A conversation as one participant sees it. */
    public record Participation(ConversationItem conversation, ParticipantItem me) {}
}
