package app.domus.listings.imports;

import app.domus.listings.ListingsComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code ImportStarted}: the run's first page is queued for {@link ImportPageHandler}. */
public class StartImportRunHandler extends EventConsumer<ImportEvents.Started> {
    private final ImportRunner runner;

    public StartImportRunHandler() {
        this(ListingsComponent.create());
    }

    private StartImportRunHandler(ListingsComponent wiring) {
        this(wiring.idempotency(), wiring.importRunner());
    }

    public StartImportRunHandler(IdempotencyStore idempotency, ImportRunner runner) {
        super(ImportEvents.Started.class, idempotency, ImportEvents.STARTED);
        this.runner = runner;
    }

    @Override
    protected void handle(ImportEvents.Started started) {
        runner.started(started);
    }
}
