package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.config.Env;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A deployment zip may leave tess4j, lept4j and JNA out (Lambda has no libtesseract; Textract reads there): the local
 * reader then answers ENGINE_UNAVAILABLE instead of failing the function. Shown on a class loader holding only the
 * module's classes, the kernel and SLF4J.
 */
class TesseractWithoutTess4jTest {
    @Test
    void withoutTess4jTheLocalEngineIsUnavailable(@TempDir Path tessdata) throws Exception {
        // A model file, so the reader gets past its check for one and tries to load Tesseract's binding.
        Files.writeString(tessdata.resolve("eng.traineddata"), "stands in for the model");
        URL[] classPath = {codeSource(TesseractDigitsReader.class), codeSource(Env.class), codeSource(LoggerFactory.class)};
        try (URLClassLoader withoutTess4j = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> withoutTess4j.loadClass("net.sourceforge.tess4j.TessAPI"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> readerClass = withoutTess4j.loadClass(TesseractDigitsReader.class.getName());
            Object reader = readerClass.getConstructor(Path.class).newInstance(tessdata);

            Object recognition = readerClass.getMethod("read", byte[].class).invoke(reader, (Object) DrawnRegisters.blank(64, 32));

            assertThat(recognition.getClass().getClassLoader()).isSameAs(withoutTess4j);
            assertThat(recognition.getClass().getMethod("status").invoke(recognition)).hasToString("ENGINE_UNAVAILABLE");
        }
    }

    private static URL codeSource(Class<?> type) throws URISyntaxException, java.net.MalformedURLException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    }
}
