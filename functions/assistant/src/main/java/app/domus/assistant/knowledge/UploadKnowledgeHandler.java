package app.domus.assistant.knowledge;

import app.domus.assistant.AssistantComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /buildings/{buildingId}/knowledge}: a building's manager adds a document (PDF or text) to its knowledge (201). */
@AcceptsIdempotencyKey
public class UploadKnowledgeHandler extends HttpHandler {
    private final IdempotencyStore idempotency;
    private final KnowledgeBase knowledge;

    public UploadKnowledgeHandler() {
        this(AssistantComponent.create());
    }

    private UploadKnowledgeHandler(AssistantComponent wiring) {
        this(wiring.idempotency(), wiring.knowledge());
    }

    public UploadKnowledgeHandler(IdempotencyStore idempotency, KnowledgeBase knowledge) {
        this.idempotency = idempotency;
        this.knowledge = knowledge;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        String buildingId = request.pathParam("buildingId");
        return HttpResponse.created(knowledge.upload(caller, buildingId, request.json(UploadKnowledgeRequest.class)));
    }

    /** A 3 MB PDF in base64, with its JSON around it. */
    @Override
    protected int maxBodyBytes() {
        return 4 * 1024 * 1024 + 4096;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
