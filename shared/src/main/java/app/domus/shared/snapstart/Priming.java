package app.domus.shared.snapstart;

import app.domus.shared.ids.Ids;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's hooks for every handler (the kernel's handler bases register it once per instance): before the snapshot,
 * the handler primes itself, so that what a first request needs is loaded, linked and warm in the snapshot; after a
 * restore, what must differ between restored copies is made anew. Without CRaC (tests, the local cloud, a plain JVM)
 * {@code org.crac} does nothing and these hooks never run, except when a test calls them.
 */
public final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** What a handler does to warm up without side effects on stored data. */
    @FunctionalInterface
    public interface Primeable {
        void prime();
    }

    private final Primeable handler;

    /** The context to invoke a handler with while priming. */
    public static com.amazonaws.services.lambda.runtime.Context context() {
        return PrimingContext.get();
    }

    private Priming(Primeable handler) {
        this.handler = handler;
    }

    /**
     * Registers the handler's priming with the JVM's checkpoint. The returned resource must be kept by the handler:
     * CRaC holds resources weakly.
     */
    public static Priming register(Primeable handler) {
        Priming priming = new Priming(handler);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * The warm-up every handler can do without knowing its requests: logging with the Lambda context, a correlation
     * id, JSON both ways. For handlers whose every request has effects (schedules, connections).
     */
    public static void warmPipeline() {
        app.domus.shared.observability.Observability.invocation(context(), "snapstart-priming",
                () -> app.domus.shared.json.Json.tree(app.domus.shared.json.Json.write(java.util.Map.of("priming", true))));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            handler.prime();
        } catch (RuntimeException e) {
            // A snapshot without priming is slower on its first request, not wrong: never fail the deployment for it.
            LOG.warn("Priming {} failed; the snapshot is taken unprimed", handler.getClass().getSimpleName(), e);
        }
        LOG.info("Primed {} in {} ms", handler.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Every copy restored from one snapshot would otherwise draw the same "random" ids and secrets.
        Ids.reseed();
    }
}
