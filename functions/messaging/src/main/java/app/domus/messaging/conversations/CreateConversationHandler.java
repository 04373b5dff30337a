package app.domus.messaging.conversations;

import app.domus.messaging.MessagingComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * {@code POST /conversations}: any member of an organisation, with other members of it; 201 with a new conversation, 200
 * with the direct conversation the two people already have.
 */
@AcceptsIdempotencyKey
public class CreateConversationHandler extends HttpHandler {
    private final IdempotencyStore idempotency;
    private final ConversationService conversations;

    public CreateConversationHandler() {
        this(MessagingComponent.create());
    }

    private CreateConversationHandler(MessagingComponent wiring) {
        this(wiring.idempotency(), wiring.conversations());
    }

    CreateConversationHandler(IdempotencyStore idempotency, ConversationService conversations) {
        this.idempotency = idempotency;
        this.conversations = conversations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateConversationRequest.class);
        ConversationService.Started started = conversations.start(caller, body);
        String id = started.conversation().getId();
        ConversationView view = ConversationView.of(conversations.participation(caller, id));
        return (started.created() ? HttpResponse.created(view) : HttpResponse.ok(view)).location("/conversations/" + id + "/messages");
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
