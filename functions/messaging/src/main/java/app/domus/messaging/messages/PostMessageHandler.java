package app.domus.messaging.messages;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.conversations.ConversationService;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /conversations/{conversationId}/messages}: a participant sends a message. */
@AcceptsIdempotencyKey
public class PostMessageHandler extends HttpHandler {
    private final IdempotencyStore idempotency;
    private final ConversationService conversations;
    private final MessageService messages;

    public PostMessageHandler() {
        this(MessagingComponent.create());
    }

    private PostMessageHandler(MessagingComponent wiring) {
        this(wiring.idempotency(), wiring.conversations(), wiring.messages());
    }

    PostMessageHandler(IdempotencyStore idempotency, ConversationService conversations, MessageService messages) {
        this.idempotency = idempotency;
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var participation = conversations.participation(request.caller(), request.pathParam("conversationId"));
        var body = request.json(PostMessageRequest.class);
        MessageItem message = messages.post(participation, body);
        return HttpResponse.created(MessageView.of(message, messages::attachmentUrl))
                .location("/conversations/" + message.getConversationId() + "/messages/" + message.getId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
