package app.domus.messaging.conversations;

import app.domus.messaging.MessagingComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /conversations}: the caller's conversations, newest activity first, each with their unread count. */
public class ListConversationsHandler extends HttpHandler {
    private final ConversationService conversations;

    public ListConversationsHandler() {
        this(MessagingComponent.create().conversations());
    }

    ListConversationsHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var page = conversations.mine(caller.userId(), request.limit(), request.query("cursor").orElse(null));
        return HttpResponse.ok(page.map(ConversationView::of));
    }
}
