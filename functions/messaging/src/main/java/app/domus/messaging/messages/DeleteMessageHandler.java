package app.domus.messaging.messages;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.conversations.ConversationService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code DELETE /conversations/{conversationId}/messages/{messageId}}: its sender deletes it; the others see it deleted. */
public class DeleteMessageHandler extends HttpHandler {
    private final ConversationService conversations;
    private final MessageService messages;

    public DeleteMessageHandler() {
        this(MessagingComponent.create());
    }

    private DeleteMessageHandler(MessagingComponent wiring) {
        this(wiring.conversations(), wiring.messages());
    }

    DeleteMessageHandler(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var participation = conversations.participation(request.caller(), request.pathParam("conversationId"));
        return HttpResponse.ok(MessageView.of(messages.delete(participation, request.pathParam("messageId")), null));
    }
}
