package app.domus.meters.ocr;

import app.domus.shared.ai.AiGateway;
import app.domus.shared.config.Env;
import java.util.List;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.textract.TextractClient;

/**
 * Picks the OCR engine for meter photos from {@code OCR_PROVIDER} ({@code local}, the default: Tesseract on the
 * machine; or {@code aws}: Textract). Only the chosen one is built: Tesseract loads its model on the first photo,
 * Textract's client is created only for {@code aws}.
 */
@Module
public final class OcrModule {
    /** Text detection on a photo takes a second or two, longer than the platform's usual calls are allowed. */
    private static final ClientOverrideConfiguration TEXT_DETECTION_CALLS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(20)).build();

    private OcrModule() {}

    @Provides @Singleton
    static MeterDigitsReader reader(Provider<TesseractDigitsReader> local, Provider<TextractDigitsReader> aws) {
        String provider = Env.orDefault("OCR_PROVIDER", "local");
        return switch (provider) {
            case "local" -> local.get();
            case "aws" -> aws.get();
            default -> throw new IllegalStateException("OCR_PROVIDER must be local or aws, not " + provider);
        };
    }

    /**
     * The engines the AI gateway tries for a meter photo: with {@code OCR_PROVIDER=aws} Textract, then Tesseract (where
     * the function's environment has it); with {@code local} (the default) Tesseract alone. Each is built on first use.
     */
    @Provides @Singleton
    static MeterOcr ocr(Provider<TesseractDigitsReader> local, Provider<TextractDigitsReader> aws, AiGateway gateway) {
        String provider = Env.orDefault("OCR_PROVIDER", "local");
        return switch (provider) {
            case "local" -> new MeterOcr(gateway, List.of(MeterOcr.engine("tesseract", "tesseract-digits", local::get)));
            case "aws" -> new MeterOcr(gateway, List.of(MeterOcr.engine("textract", "detect-document-text", aws::get),
                    MeterOcr.engine("tesseract", "tesseract-digits", local::get)));
            default -> throw new IllegalStateException("OCR_PROVIDER must be local or aws, not " + provider);
        };
    }

    @Provides @Singleton
    static TextractClient textract(SdkHttpClient http) {
        return TextractClient.builder().httpClient(http).overrideConfiguration(TEXT_DETECTION_CALLS).build();
    }
}
