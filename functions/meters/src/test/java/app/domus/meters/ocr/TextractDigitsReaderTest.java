package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.textract.model.InternalServerErrorException;

class TextractDigitsReaderTest {
    private static final byte[] PHOTO = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};

    private final FakeTextract textract = new FakeTextract();
    private final TextractDigitsReader reader = new TextractDigitsReader(textract.client());

    @AfterEach
    void stop() {
        textract.close();
    }

    @Test
    void theNumberTextractIsSurestOfIsTheReading() {
        textract.answer = """
                {"Blocks":[
                  {"BlockType":"PAGE","Confidence":99.9},
                  {"BlockType":"LINE","Text":"004217.5","Confidence":97.5},
                  {"BlockType":"LINE","Text":"m3 Q3 2,5","Confidence":99.1},
                  {"BlockType":"WORD","Text":"004217.5","Confidence":97.5},
                  {"BlockType":"WORD","Text":"2,5","Confidence":88.0},
                  {"BlockType":"WORD","Text":"m3","Confidence":99.8}
                ]}""";

        Recognition recognition = reader.read(PHOTO);

        assertThat(recognition.status()).isEqualTo(Recognition.Status.READ);
        assertThat(recognition.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal("4217.5")));
        assertThat(recognition.confidence()).isEqualTo(0.975);
        assertThat(recognition.engine()).isEqualTo("textract");
        assertThat(textract.calls).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("Textract.DetectDocumentText");
            assertThat(Base64.getDecoder().decode(call.body().path("Document").path("Bytes").asText())).isEqualTo(PHOTO);
        });
    }

    @Test
    void aCommaIsADecimalSeparatorAndSpacesBetweenWheelsDoNotCount() {
        textract.answer = "{\"Blocks\":[{\"BlockType\":\"LINE\",\"Text\":\"0 4 2 1 7,5\",\"Confidence\":91.0}]}";

        assertThat(reader.read(PHOTO).value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4217.5"));
    }

    @Test
    void aPhotoWithoutANumberIsUnreadable() {
        textract.answer = "{\"Blocks\":[{\"BlockType\":\"LINE\",\"Text\":\"Made in Germany\",\"Confidence\":99.0}]}";

        assertThat(reader.read(PHOTO)).isEqualTo(Recognition.unreadable("textract"));
    }

    @Test
    void aPhotoTextractRefusesIsUnreadable() {
        textract.fail(400, "InvalidParameterException", "Request has invalid parameters");
        assertThat(reader.read(PHOTO)).isEqualTo(Recognition.unreadable("textract"));

        textract.fail(400, "UnsupportedDocumentException", "Request has unsupported document format");
        assertThat(reader.read(PHOTO)).isEqualTo(Recognition.unreadable("textract"));
    }

    @Test
    void anEmptyPhotoIsUnreadableWithoutAskingTextract() {
        assertThat(reader.read(new byte[0])).isEqualTo(Recognition.unreadable("textract"));
        assertThat(textract.calls).isEmpty();
    }

    @Test
    void aServiceFailureIsThrownForALaterRetryWithoutTheServicesMessage() {
        textract.fail(500, "InternalServerError", "internal detail of host ip-10-0-0-1");

        assertThatThrownBy(() -> reader.read(PHOTO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("ip-10-0-0-1")
                .hasMessageNotContaining("127.0.0.1")
                .hasRootCauseInstanceOf(InternalServerErrorException.class);
        assertThat(textract.calls).as("the SDK retried before giving up").hasSize(2);
    }

    @Test
    void throttlingIsThrownForALaterRetry() {
        textract.fail(400, "ProvisionedThroughputExceededException", "Slow down");

        assertThatThrownBy(() -> reader.read(PHOTO)).isInstanceOf(IllegalStateException.class);
    }
}
