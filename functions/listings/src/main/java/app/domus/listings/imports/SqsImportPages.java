package app.domus.listings.imports;

import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ImportPages} on the SQS queue {@code IMPORT_PAGES_QUEUE_URL}. */
@Singleton
public class SqsImportPages implements ImportPages {
    private final Lazy<SqsClient> sqs;

    @Inject
    public SqsImportPages(Lazy<SqsClient> sqs) {
        this.sqs = sqs;
    }

    @Override
    public void send(Page page) {
        sqs.get().sendMessage(b -> b.queueUrl(Env.required("IMPORT_PAGES_QUEUE_URL")).messageBody(Json.write(page)));
    }
}
