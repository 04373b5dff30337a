package app.domus.meters.ocr;

import app.domus.shared.aws.AwsModule;
import dagger.Component;
import jakarta.inject.Singleton;

/** The OCR module wired as a context's component wires it, beside the kernel's AWS module. */
@Singleton
@Component(modules = {OcrModule.class, AwsModule.class})
interface OcrTestComponent {
    MeterDigitsReader reader();
}
