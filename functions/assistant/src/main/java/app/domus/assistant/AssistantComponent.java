package app.domus.assistant;

import app.domus.assistant.chat.Assistant;
import app.domus.assistant.knowledge.KnowledgeBase;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the assistant functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, AssistantModule.class})
public interface AssistantComponent {
    IdempotencyStore idempotency();

    KnowledgeBase knowledge();

    Assistant assistant();

    static AssistantComponent create() {
        return DaggerAssistantComponent.create();
    }
}
