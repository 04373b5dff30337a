package app.domus.meters;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every handler's public constructor builds through {@link MetersComponent#create()}. */
class MetersComponentTest {
    @Test
    void everyEntryPointIsWiredOnceWithEitherOcrProvider() {
        for (String provider : new String[] {"local", "aws"}) {
            TestPlatform.coldStart(Map.of("OCR_PROVIDER", provider), () -> {
                MetersComponent wiring = MetersComponent.create();
                assertThat(wiring.meters()).isNotNull().isSameAs(wiring.meters());
                assertThat(wiring.devices()).isNotNull();
                assertThat(wiring.readings()).isNotNull();
                assertThat(wiring.queries()).isNotNull();
                assertThat(wiring.periods()).isNotNull();
                assertThat(wiring.ocrReview()).isNotNull();
                assertThat(wiring.notices()).isNotNull();
                assertThat(wiring.ingestion()).isNotNull();
                assertThat(wiring.silentDevices()).isNotNull();
                assertThat(wiring.idempotency()).isNotNull();
                return wiring;
            });
        }
    }
}
