package app.domus.faults.photos;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultItem;
import app.domus.faults.FaultsFixture;
import app.domus.faults.S3Double;
import app.domus.faults.reporting.ReportFaultRequest;
import app.domus.faults.reporting.ReportingService;
import app.domus.faults.uploads.UploadService;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.LocalDynamo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The S3 clients are built when a photo needs them, not for every fault (a cold start without photos skips them). */
class LazyPhotoClientsTest {
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private final FaultsFixture f = new FaultsFixture();
    private final AtomicInteger clientsBuilt = new AtomicInteger();
    private final PhotoStore photos = new PhotoStore(() -> {
        clientsBuilt.incrementAndGet();
        return S3Double.client();
    }, () -> {
        clientsBuilt.incrementAndGet();
        return S3Double.presigner();
    }, f.config);
    private final ReportingService reporting = new ReportingService(f.store,
            new PhotoIntake(new UploadService(f.table, photos, new RateLimiter(LocalDynamo.client(), f.config, f.clock), f.clock), photos, f.clock),
            f.clock);

    private FaultItem report(List<PhotoInput> photoInputs) {
        var request = new ReportFaultRequest("Dripping tap", "The kitchen tap drips all night", "plumbing",
                f.buildingA1.getId(), null, photoInputs);
        return reporting.report(f.owner, f.faultAccess.mayReport(FaultsFixture.caller(f.owner), f.buildingA1.getId(), null), request);
    }

    @Test
    void aFaultWithoutPhotosBuildsNoS3Client() {
        FaultItem fault = report(null);
        assertThat(f.stored(fault.getId())).isNotNull();
        assertThat(clientsBuilt).hasValue(0);
    }

    @Test
    void aFaultWithAPhotoBuildsTheClientItUses() {
        report(List.of(new PhotoInput(null, PNG)));
        assertThat(clientsBuilt).hasValue(1);
        assertThat(f.objects()).anyMatch(key -> key.startsWith("faults/"));
    }
}
