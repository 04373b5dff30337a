package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.config.Env;
import app.domus.shared.testing.TestPlatform;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.textract.TextractClient;

class OcrModuleTest {
    private final TesseractDigitsReader local = new TesseractDigitsReader(Path.of("/nonexistent"));
    private final TextractDigitsReader aws = new TextractDigitsReader(null);

    private static <T> Provider<T> mustNotBeBuilt(String what) {
        return () -> {
            throw new AssertionError(what + " was built though another provider was chosen");
        };
    }

    @Test
    void ocrProviderChoosesTheReaderAndLocalIsTheDefault() {
        assertThat(Env.with(Map.of(), () -> OcrModule.reader(() -> local, mustNotBeBuilt("Textract")))).isSameAs(local);
        assertThat(Env.with(Map.of("OCR_PROVIDER", "local"), () -> OcrModule.reader(() -> local, mustNotBeBuilt("Textract"))))
                .isSameAs(local);
        assertThat(Env.with(Map.of("OCR_PROVIDER", "aws"), () -> OcrModule.reader(mustNotBeBuilt("Tesseract"), () -> aws)))
                .isSameAs(aws);
    }

    @Test
    void anUnknownProviderFailsAtStartRatherThanGuessing() {
        assertThatThrownBy(() -> Env.with(Map.of("OCR_PROVIDER", "google"),
                () -> OcrModule.reader(mustNotBeBuilt("Tesseract"), mustNotBeBuilt("Textract"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OCR_PROVIDER");
    }

    @Test
    void aComponentBuildsTheChosenReaderAtAColdStart() {
        assertThat(TestPlatform.coldStart(Map.of(), () -> DaggerOcrTestComponent.create().reader()))
                .isInstanceOf(TesseractDigitsReader.class);
        assertThat(TestPlatform.coldStart(Map.of("OCR_PROVIDER", "aws"), () -> DaggerOcrTestComponent.create().reader()))
                .isInstanceOf(TextractDigitsReader.class);
        assertThatThrownBy(() -> TestPlatform.coldStart(Map.of("OCR_PROVIDER", "gcp"),
                () -> DaggerOcrTestComponent.create().reader())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTextractClientBuildsAtAColdStartWithTheSharedHttpClient() {
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             TextractClient client = TestPlatform.coldStart(Map.of("OCR_PROVIDER", "aws"), () -> OcrModule.textract(http))) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-central-1");
            assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout()).isPresent();
        }
    }
}
