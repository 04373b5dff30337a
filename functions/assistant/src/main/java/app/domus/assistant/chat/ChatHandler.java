package app.domus.assistant.chat;

import app.domus.assistant.AssistantComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /chat}: one turn of the caller's conversation with the assistant (200: the answer, its sources and actions). */
public class ChatHandler extends HttpHandler {
    private final Assistant assistant;

    public ChatHandler() {
        this(AssistantComponent.create().assistant());
    }

    public ChatHandler(Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.ok(assistant.chat(caller, request.json(ChatRequest.class)));
    }
}
