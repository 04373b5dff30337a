package app.domus.messaging.messages;

import app.domus.messaging.MessagingComponent;
import app.domus.messaging.conversations.ConversationService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code PATCH /conversations/{conversationId}/messages/{messageId}}: its sender edits it, within 15 minutes of sending. */
public class EditMessageHandler extends HttpHandler {
    private final ConversationService conversations;
    private final MessageService messages;

    public EditMessageHandler() {
        this(MessagingComponent.create());
    }

    private EditMessageHandler(MessagingComponent wiring) {
        this(wiring.conversations(), wiring.messages());
    }

    EditMessageHandler(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var participation = conversations.participation(request.caller(), request.pathParam("conversationId"));
        var body = request.json(EditMessageRequest.class);
        return HttpResponse.ok(MessageView.of(messages.edit(participation, request.pathParam("messageId"), body.content()),
                messages::attachmentUrl));
    }
}
