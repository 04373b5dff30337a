package app.domus.meters.ocr;

import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiFailure;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.ai.AiTask;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter photos read through the AI gateway ({@code meter-ocr}): cached by the photo's bytes for 30 days, failed over
 * along the engines (on AWS Textract, then Tesseract where the function has it), logged per organisation. An engine
 * that is not there counts as unavailable, so the next one is tried; when none is, or the organisation switched the
 * agent off (the documented fallback), the reading is not OCR-checked and says so ({@link Recognition.Status#ENGINE_UNAVAILABLE}).
 * A transient or throttled failure of every engine is thrown, for the queue to try the photo again later.
 */
public final class MeterOcr {
    private static final Logger LOG = LoggerFactory.getLogger(MeterOcr.class);

    /** The photo, as the gateway's input (its cache key is the hash of these bytes). */
    public record Photo(byte[] image) {}

    /** A recognition as the gateway caches it. */
    public record Read(String value, double confidence, String engine, Recognition.Status status) {
        static Read of(Recognition r) {
            return new Read(r.value().map(BigDecimal::toPlainString).orElse(null), r.confidence(), r.engine(), r.status());
        }

        Recognition recognition() {
            return new Recognition(Optional.ofNullable(value).map(BigDecimal::new), confidence, engine, status);
        }
    }

    private final AiGateway gateway;
    private final List<AiProvider<Photo, Read>> engines;

    public MeterOcr(AiGateway gateway, List<AiProvider<Photo, Read>> engines) {
        this.gateway = gateway;
        this.engines = List.copyOf(engines);
    }

    public Recognition read(String organisationId, byte[] image) {
        try {
            return gateway.run(AiTask.METER_OCR, organisationId, new Photo(image), Read.class, engines).output().recognition();
        } catch (AiAgentOff e) {
            LOG.info("Meter photo not read: {}", e.getMessage());
            return Recognition.engineUnavailable("agent-off");
        } catch (AiFailure e) {
            if (e.category() == AiFailure.Category.TRANSIENT || e.category() == AiFailure.Category.THROTTLED) throw e;
            return Recognition.engineUnavailable("none");
        }
    }

    /** An engine as a provider, built on its first photo; an engine that is not there fails over to the next. */
    public static AiProvider<Photo, Read> engine(String name, String model, Supplier<MeterDigitsReader> reader) {
        return AiProvider.of(name, model, photo -> {
            Recognition r = reader.get().read(photo.image());
            if (r.status() == Recognition.Status.ENGINE_UNAVAILABLE) {
                throw new AiFailure(AiFailure.Category.UNAVAILABLE, r.engine() + " is not available here");
            }
            return AiProvider.Answer.free(Read.of(r));
        });
    }
}
