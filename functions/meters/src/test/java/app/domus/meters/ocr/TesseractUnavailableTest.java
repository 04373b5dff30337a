package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without its model, the local engine says so on every read and never throws: these run with or without Tesseract. */
class TesseractUnavailableTest {
    private static final byte[] ANY_PHOTO = DrawnRegisters.blank(64, 32);

    @Test
    void aTessdataDirectoryThatDoesNotExistMakesTheEngineUnavailable(@TempDir Path work) {
        TesseractDigitsReader reader = new TesseractDigitsReader(work.resolve("no-such-tessdata"));

        assertThat(reader.read(ANY_PHOTO)).isEqualTo(Recognition.engineUnavailable("tesseract"));
        assertThat(reader.read(ANY_PHOTO)).as("asked again").isEqualTo(Recognition.engineUnavailable("tesseract"));
        assertThat(reader.available()).isFalse();
    }

    @Test
    void aModelFileThatIsNoModelMakesTheEngineUnavailable(@TempDir Path tessdata) throws Exception {
        Files.writeString(tessdata.resolve("eng.traineddata"), "not a model");

        assertThat(new TesseractDigitsReader(tessdata).read(ANY_PHOTO)).isEqualTo(Recognition.engineUnavailable("tesseract"));
    }

    @Test
    void tessdataPrefixNamesTheModelsDirectory(@TempDir Path work) {
        TesseractDigitsReader reader = Env.with(
                Map.of("TESSDATA_PREFIX", work.resolve("elsewhere").toString()), TesseractDigitsReader::new);

        assertThat(reader.read(ANY_PHOTO).status()).isEqualTo(Recognition.Status.ENGINE_UNAVAILABLE);
    }
}
