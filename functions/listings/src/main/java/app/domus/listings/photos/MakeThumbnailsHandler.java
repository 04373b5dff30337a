package app.domus.listings.photos;

import app.domus.listings.ListingsComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The photos bucket's {@code s3:ObjectCreated:*} event on {@code listing-photos/}: each original gets its thumbnails
 * ({@link ThumbnailMaker}). A failure is thrown, so S3's asynchronous invocation retries it (twice).
 */
public class MakeThumbnailsHandler implements RequestHandler<S3Event, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final ThumbnailMaker maker;

    public MakeThumbnailsHandler() {
        this(ListingsComponent.create().thumbnails());
    }

    MakeThumbnailsHandler(ThumbnailMaker maker) {
        this.maker = maker;
    }

    @Override
    public Map<String, Object> handleRequest(S3Event event, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            Map<String, Object> outcomes = new LinkedHashMap<>();
            for (var record : event.getRecords()) {
                // S3 URL-encodes the key in notifications (spaces as '+').
                String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
                outcomes.put(key, maker.process(record.getS3().getBucket().getName(), key).name().toLowerCase(java.util.Locale.ROOT));
            }
            return outcomes;
        });
    }

    /** Every event has effects (objects written), so priming warms the pipeline and the image code on a tiny picture. */
    @Override
    public void prime() {
        Priming.warmPipeline();
        try {
            var image = new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "jpeg", out);
            Thumbnails.make(out.toByteArray());
        } catch (Exception e) {
            // priming is best effort
        }
    }
}
