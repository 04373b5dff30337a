package app.domus.meters.ocr;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.BadDocumentException;
import software.amazon.awssdk.services.textract.model.Block;
import software.amazon.awssdk.services.textract.model.BlockType;
import software.amazon.awssdk.services.textract.model.DocumentTooLargeException;
import software.amazon.awssdk.services.textract.model.InvalidParameterException;
import software.amazon.awssdk.services.textract.model.UnsupportedDocumentException;

/**
 * The AWS engine: Textract's DetectDocumentText on the photo's bytes. Of the lines and words that are a number and
 * nothing else, the one Textract is surest of is the reading (the longer one between equals). A photo Textract
 * refuses is unreadable; any other failure (throttling, the service down, no access) is thrown, so the message goes
 * back to its queue and is read again later.
 */
@Singleton
public class TextractDigitsReader implements MeterDigitsReader {
    private static final Logger LOG = LoggerFactory.getLogger(TextractDigitsReader.class);
    static final String ENGINE = "textract";
    private static final Set<BlockType> TEXT = Set.of(BlockType.LINE, BlockType.WORD);

    private final TextractClient textract;

    @Inject
    public TextractDigitsReader(TextractClient textract) {
        this.textract = textract;
    }

    @Override
    public Recognition read(byte[] image) {
        Objects.requireNonNull(image, "image");
        if (image.length == 0) return Recognition.unreadable(ENGINE);
        try {
            return textract.detectDocumentText(request -> request.document(d -> d.bytes(SdkBytes.fromByteArray(image))))
                    .blocks().stream()
                    .filter(block -> TEXT.contains(block.blockType()) && block.confidence() != null)
                    .flatMap(block -> RegisterNumber.whole(block.text()).map(number -> new Candidate(number, block)).stream())
                    .max(Comparator.comparingDouble(Candidate::confidence).thenComparingInt(c -> c.number().length()))
                    .map(best -> Recognition.read(best.number().value(), best.confidence() / 100.0, ENGINE))
                    .orElseGet(() -> Recognition.unreadable(ENGINE));
        } catch (InvalidParameterException | UnsupportedDocumentException | BadDocumentException
                 | DocumentTooLargeException e) {
            // The photo itself is refused (not an image, a format or size Textract does not take): retrying cannot help.
            LOG.info("Textract refused the meter photo ({})", e.awsErrorDetails().errorCode());
            return Recognition.unreadable(ENGINE);
        } catch (SdkException e) {
            // The SDK's own message names endpoints and request ids; the cause keeps them for the logs.
            throw new IllegalStateException("Textract could not read the meter photo; try again later", e);
        }
    }

    private record Candidate(RegisterNumber number, Block block) {
        double confidence() {
            return block.confidence();
        }
    }
}
