package app.domus.shared.ai;

import java.time.Duration;

/**
 * The kinds of AI work the platform does, each routed through {@link AiGateway} with its own agent switch, cache
 * lifetime and log entries. {@code wire} is the task's name in the API ({@code GET /ai/runs?task=}, {@code PUT /ai/agents/{task}}).
 */
public enum AiTask {
    /** A fault's category and tags from its text and photos. The same report is triaged the same way for a week. */
    FAULT_TRIAGE("fault-triage", Duration.ofDays(7)),
    /** What a photo shows (labels). */
    PHOTO_ANALYSIS("photo-analysis", Duration.ofDays(30)),
    /** A listing's suggested features and tags from its description and photos. */
    LISTING_TAGGING("listing-tagging", Duration.ofDays(7)),
    /** The reading on a meter photo. */
    METER_OCR("meter-ocr", Duration.ofDays(30)),
    /** A resident's chat turn: never cached, each turn has its own context. */
    CHAT("chat", Duration.ZERO),
    /** Equipment failure risk: a day, since the inputs (faults, readings) change daily. */
    PREDICTION("prediction", Duration.ofDays(1));

    private final String wire;
    private final Duration cacheFor;

    AiTask(String wire, Duration cacheFor) {
        this.wire = wire;
        this.cacheFor = cacheFor;
    }

    public String wire() {
        return wire;
    }

    /** How long a result is served from the cache for the same input; zero: not cached. */
    public Duration cacheFor() {
        return cacheFor;
    }

    public static AiTask fromWire(String value) {
        for (AiTask t : values()) if (t.wire.equals(value)) return t;
        throw new IllegalArgumentException("No AI task " + value);
    }
}
