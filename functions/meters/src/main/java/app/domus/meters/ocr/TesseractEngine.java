package app.domus.meters.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tesseract instance, initialised once for digits (its model takes a good part of a second to load), through
 * tess4j's plain C API binding. The pixels go in raw, so neither Leptonica's Java side nor tess4j's image helpers
 * run. Not thread-safe, like Tesseract itself: {@link TesseractDigitsReader} serialises the calls. Every tess4j class
 * is named here only, so without tess4j on the class path it is {@link #open} that fails (NoClassDefFoundError), which
 * the reader catches.
 */
final class TesseractEngine {
    /** The characters a register shows; Tesseract's LSTM honours the whitelist since 4.1. */
    static final String DIGITS = "0123456789.,";
    /** Photos carry no usable resolution; without one Tesseract guesses, and says so on stderr. */
    private static final int ASSUMED_PPI = 300;
    private static final Logger LOG = LoggerFactory.getLogger(TesseractEngine.class);

    /**
     * A line as read, its whitespace left out, with Tesseract's confidence (0 to 100) in each of its characters. The
     * characters' confidences, not the word's or the line's: with a whitelist, Tesseract's word and line confidence
     * falls to near zero over the gaps between a counter's wheels or a few specks of grain, while every digit is read
     * at 80 to 99.
     */
    record Line(String text, float[] confidences) {
        /** The least confident character of {@code [start, end)}: a reading is only as sure as its worst digit. */
        float confidence(int start, int end) {
            float least = 100;
            for (int i = start; i < end; i++) least = Math.min(least, confidences[i]);
            return least;
        }
    }

    private final TessAPI api;
    private final TessBaseAPI handle;

    private TesseractEngine(TessAPI api, TessBaseAPI handle) {
        this.api = api;
        this.handle = handle;
    }

    /**
     * Loads the library and the English model from {@code tessdata}.
     *
     * @throws UnsatisfiedLinkError when libtesseract cannot be loaded
     * @throws IllegalStateException when Tesseract does not initialise on {@code tessdata}
     */
    static TesseractEngine open(Path tessdata) {
        TessAPI api = LoadLibs.getTessAPIInstance();
        TessBaseAPI handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit2(handle, tessdata.toString(), "eng", TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract did not initialise on its English model");
        }
        // One block of text: a cropped register is one line, a whole meter's face a few; no columns to find.
        api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_BLOCK);
        api.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", DIGITS);
        return new TesseractEngine(api, handle);
    }

    String version() {
        return api.TessVersion();
    }

    /** The lines Tesseract reads in {@code image}. */
    List<Line> lines(DigitImage image) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.pixels().length).put(image.pixels()).flip();
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, ASSUMED_PPI);
        try {
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                LOG.warn("Tesseract failed to recognise a meter photo of {} x {} pixels", image.width(), image.height());
                return List.of();
            }
            TessResultIterator symbols = api.TessBaseAPIGetIterator(handle);
            if (symbols == null) return List.of();
            try {
                return collect(symbols);
            } finally {
                api.TessResultIteratorDelete(symbols);
            }
        } finally {
            api.TessBaseAPIClear(handle); // drops the image and its results, keeps the model
        }
    }

    private List<Line> collect(TessResultIterator symbols) {
        TessPageIterator layout = api.TessResultIteratorGetPageIterator(symbols); // a view of the same iterator
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Float> confidences = new ArrayList<>();
        do {
            if (api.TessPageIteratorIsAtBeginningOf(layout, TessPageIteratorLevel.RIL_TEXTLINE) == ITessAPI.TRUE) {
                addLine(lines, text, confidences);
            }
            Pointer symbol = api.TessResultIteratorGetUTF8Text(symbols, TessPageIteratorLevel.RIL_SYMBOL);
            if (symbol == null) continue;
            try {
                String character = symbol.getString(0, StandardCharsets.UTF_8.name()).strip();
                float confidence = api.TessResultIteratorConfidence(symbols, TessPageIteratorLevel.RIL_SYMBOL);
                text.append(character);
                for (int i = 0; i < character.length(); i++) confidences.add(confidence);
            } finally {
                api.TessDeleteText(symbol);
            }
        } while (api.TessResultIteratorNext(symbols, TessPageIteratorLevel.RIL_SYMBOL) == ITessAPI.TRUE);
        addLine(lines, text, confidences);
        return lines;
    }

    private static void addLine(List<Line> lines, StringBuilder text, List<Float> confidences) {
        if (text.isEmpty()) return;
        float[] each = new float[confidences.size()];
        for (int i = 0; i < each.length; i++) each[i] = confidences.get(i);
        lines.add(new Line(text.toString(), each));
        text.setLength(0);
        confidences.clear();
    }
}
