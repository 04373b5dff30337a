package app.domus.messaging.messages;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.conversations.ParticipantItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.List;

/**
 * {@code GET /conversations/{conversationId}/messages}: a page of messages, newest first ({@code nextCursor} goes on to
 * older ones), and how far each participant has read.
 */
public class ListMessagesHandler extends HttpHandler {
    private final ConversationService conversations;
    private final MessageService messages;

    public ListMessagesHandler() {
        this(MessagingComponent.create());
    }

    private ListMessagesHandler(MessagingComponent wiring) {
        this(wiring.conversations(), wiring.messages());
    }

    ListMessagesHandler(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    public record ReadState(String userId, String lastReadMessageId, String lastReadAt) {}

    public record MessagePage(List<MessageView> items, String nextCursor, List<ReadState> readBy) {}

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var participation = conversations.participation(request.caller(), request.pathParam("conversationId"));
        var page = messages.page(participation.conversation(), request.limit(), request.query("cursor").orElse(null));
        List<ReadState> readBy = messages.participants(participation.conversation()).stream()
                .map((ParticipantItem p) -> new ReadState(p.getUserId(), p.getLastReadMessageId(), p.getLastReadAt())).toList();
        return HttpResponse.ok(new MessagePage(page.items().stream().map(m -> MessageView.of(m, messages::attachmentUrl)).toList(),
                page.nextCursor(), readBy));
    }
}
