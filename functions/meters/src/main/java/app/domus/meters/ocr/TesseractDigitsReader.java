package app.domus.meters.ocr;

import app.domus.shared.config.Env;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local engine: Tesseract 5 with a digits-only whitelist, from the system's libtesseract and tessdata (Debian's
 * {@code tesseract-ocr} and {@code tesseract-ocr-eng}, see {@code scripts/install-ocr}). The value read is the longest
 * number on any line, its confidence that of its least certain digit. Without the library, the English model or tess4j
 * itself (the deployment zip leaves it out: Lambda has no Tesseract and reads with Textract), every read answers
 * {@link Recognition.Status#ENGINE_UNAVAILABLE}; nothing is thrown at the caller. The engine, once loaded, stays for the
 * life of the process: loading its model costs more than most reads.
 */
@Singleton
public class TesseractDigitsReader implements MeterDigitsReader {
    private static final Logger LOG = LoggerFactory.getLogger(TesseractDigitsReader.class);
    static final String ENGINE = "tesseract";
    /** Where Debian's tesseract-ocr-eng puts the models (Tesseract 5's TESSDATA_PREFIX names this directory itself). */
    static final String DEBIAN_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    private static final String MODEL = "eng.traineddata";

    private final Path tessdata;
    private TesseractEngine engine;
    private boolean unavailabilityLogged;

    @Inject
    public TesseractDigitsReader() {
        this(Path.of(Env.orDefault("TESSDATA_PREFIX", DEBIAN_TESSDATA)));
    }

    public TesseractDigitsReader(Path tessdata) {
        this.tessdata = Objects.requireNonNull(tessdata, "tessdata");
    }

    /** Whether the engine can run here; loads it on the first call, as a read would. */
    public synchronized boolean available() {
        return engine() != null;
    }

    @Override
    public Recognition read(byte[] image) {
        Objects.requireNonNull(image, "image");
        if (!available()) return Recognition.engineUnavailable(ENGINE);
        Optional<DigitImage> prepared = DigitImage.of(image); // outside the lock: decoding needs no engine
        if (prepared.isEmpty()) return Recognition.unreadable(ENGINE);
        List<TesseractEngine.Line> lines;
        synchronized (this) {
            lines = engine.lines(prepared.get());
        }
        return lines.stream()
                .flatMap(line -> RegisterNumber.longestIn(line.text())
                        .map(number -> new Candidate(number, line.confidence(number.start(), number.end()))).stream())
                .max(Comparator.comparingInt((Candidate c) -> c.number().length()).thenComparingDouble(Candidate::confidence))
                .map(best -> Recognition.read(best.number().value(), best.confidence() / 100.0, ENGINE))
                .orElseGet(() -> Recognition.unreadable(ENGINE));
    }

    private record Candidate(RegisterNumber number, float confidence) {}

    /** The engine, opened on first use; null while it cannot be (tried again on the next read, it may get installed). */
    private TesseractEngine engine() {
        if (engine != null) return engine;
        if (!Files.isRegularFile(tessdata.resolve(MODEL))) {
            unavailable("there is no " + MODEL + " in " + tessdata + " (TESSDATA_PREFIX)", null);
            return null;
        }
        try {
            engine = TesseractEngine.open(tessdata);
            LOG.info("Tesseract {} reads meter photos with the models in {}", engine.version(), tessdata);
            unavailabilityLogged = false;
            return engine;
        } catch (LinkageError e) {
            // UnsatisfiedLinkError: no libtesseract; NoClassDefFoundError: tess4j or JNA not deployed.
            unavailable("Tesseract cannot be loaded (" + e.getClass().getSimpleName() + ")", e);
        } catch (IllegalStateException e) {
            unavailable(e.getMessage() + " in " + tessdata, null); // our own message; Tesseract said why on stderr
        }
        return null;
    }

    private void unavailable(String why, Throwable cause) {
        if (unavailabilityLogged) return; // once, not on every photo
        unavailabilityLogged = true;
        if (cause == null) LOG.warn("Meter photos cannot be read locally: {}", why);
        else LOG.warn("Meter photos cannot be read locally: {}", why, cause);
    }
}
