package app.domus.messaging.conversations;

import app.domus.messaging.MessagingComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /conversations}: any member of an organisation, with other members of it. */
@AcceptsIdempotencyKey
public class CreateConversationHandler extends HttpHandler {
    private IdempotencyStore idempotency;

    private final ConversationService conversations;

    public CreateConversationHandler() {
        this(MessagingComponent.create());
    }

    private CreateConversationHandler(MessagingComponent wiring) {
        this(wiring.conversations());
        this.idempotency = wiring.idempotency();
    }

    CreateConversationHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateConversationRequest.class);
        ConversationItem conversation = conversations.start(caller, body);
        return HttpResponse.created(ConversationView.of(conversations.participation(caller, conversation.getId())))
                .location("/conversations/" + conversation.getId() + "/messages");
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
