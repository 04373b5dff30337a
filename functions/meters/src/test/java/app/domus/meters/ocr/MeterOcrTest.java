package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.ai.AiFailure;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiTask;
import app.domus.shared.testing.DirectoryWorld;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterOcrTest {
    private final DirectoryWorld w = new DirectoryWorld();
    private final AiGateway gateway = new AiGateway(w.table, w.clock, d -> { }, AiGateway.breakerSettings());
    private final String org = w.organisation("Estate");
    private final AtomicInteger tesseractCalls = new AtomicInteger();
    private final MeterDigitsReader tesseract = image -> {
        tesseractCalls.incrementAndGet();
        return Recognition.read(new BigDecimal("1234.5"), 0.9, "tesseract");
    };
    private final MeterDigitsReader missing = image -> Recognition.engineUnavailable("textract");

    @Test
    void anEngineThatIsNotThereFailsOverAndTheSamePhotoIsReadOnce() {
        MeterOcr ocr = new MeterOcr(gateway, List.of(MeterOcr.engine("textract", "t", () -> missing), MeterOcr.engine("tesseract", "d", () -> tesseract)));

        Recognition first = ocr.read(org, new byte[] {1, 2, 3});
        Recognition again = ocr.read(org, new byte[] {1, 2, 3});

        assertThat(first.value()).contains(new BigDecimal("1234.5"));
        assertThat(first.engine()).isEqualTo("tesseract");
        assertThat(again).isEqualTo(first);
        assertThat(tesseractCalls).hasValue(1);
    }

    @Test
    void noEngineOrAnAgentSwitchedOffReadsNothingAndSaysSoWhileATransientFailureIsThrownForARetry() {
        assertThat(new MeterOcr(gateway, List.of(MeterOcr.engine("textract", "t", () -> missing))).read(org, new byte[] {4}).status())
                .isEqualTo(Recognition.Status.ENGINE_UNAVAILABLE);

        gateway.switchAgent(org, AiTask.METER_OCR, false, "admin");
        Recognition off = new MeterOcr(gateway, List.of(MeterOcr.engine("tesseract", "d", () -> tesseract))).read(org, new byte[] {5});
        assertThat(off.status()).isEqualTo(Recognition.Status.ENGINE_UNAVAILABLE);
        assertThat(off.engine()).isEqualTo("agent-off");
        assertThat(tesseractCalls).hasValue(0);
        gateway.switchAgent(org, AiTask.METER_OCR, true, "admin");

        MeterDigitsReader throttled = image -> {
            throw new AiFailure(AiFailure.Category.THROTTLED, "slow down");
        };
        assertThatThrownBy(() -> new MeterOcr(gateway, List.of(MeterOcr.engine("textract", "t", () -> throttled))).read(org, new byte[] {6}))
                .isInstanceOfSatisfying(AiFailure.class, f -> assertThat(f.category()).isEqualTo(AiFailure.Category.THROTTLED));
    }
}
