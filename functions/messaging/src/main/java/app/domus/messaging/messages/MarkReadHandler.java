package app.domus.messaging.messages;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.conversations.ParticipantItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /conversations/{conversationId}/read}: a read receipt up to a message; answers what is left unread. */
public class MarkReadHandler extends HttpHandler {
    private final ConversationService conversations;
    private final MessageService messages;

    public MarkReadHandler() {
        this(MessagingComponent.create());
    }

    private MarkReadHandler(MessagingComponent wiring) {
        this(wiring.conversations(), wiring.messages());
    }

    MarkReadHandler(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    public record ReadView(String conversationId, String lastReadMessageId, String lastReadAt, long unread) {}

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var participation = conversations.participation(request.caller(), request.pathParam("conversationId"));
        var body = request.json(ReadRequest.class);
        ParticipantItem me = messages.markRead(participation, body.upToMessageId());
        return HttpResponse.ok(new ReadView(participation.conversation().getId(), me.getLastReadMessageId(), me.getLastReadAt(),
                me.getUnread() == null ? 0 : me.getUnread()));
    }
}
