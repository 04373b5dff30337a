package app.domus.meters;

import app.domus.meters.ingest.BatchStore;
import app.domus.meters.ingest.DeviceDirectory;
import app.domus.meters.ingest.ReadingIngestion;
import app.domus.meters.ocr.MeterDigitsReader;
import app.domus.meters.ocr.MeterOcr;
import app.domus.shared.ai.AiGateway;
import java.util.List;
import app.domus.meters.ocr.Recognition;
import app.domus.meters.periods.ReadingPeriods;
import app.domus.meters.readings.MeterPhotos;
import app.domus.meters.readings.OcrReview;
import app.domus.meters.readings.ReadingQueries;
import app.domus.meters.readings.ReadingService;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.meters.registry.MeterRequests;
import app.domus.meters.registry.MeterService;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A building with a manager, two units with an owner and a tenant, a technician and an outsider, and the meters services over them. */
public class MetersFixture extends DirectoryWorld {
    public final String org = organisation("Sunrise");
    public final BuildingItem building = building(org, "Tower A");
    public final UnitItem unit1 = unit(building, "1A");
    public final UnitItem unit2 = unit(building, "1B");
    public final String manager = user("manager");
    public final String owner = user("owner");
    public final String tenant = user("tenant");
    public final String otherOwner = user("other-owner");
    public final String technician = user("technician");
    public final String outsider = user("outsider");

    /** Photos kept in memory, by key. */
    public final Map<String, byte[]> photos = new ConcurrentHashMap<>();
    /** What the OCR engine answers next. */
    public final AtomicReference<Recognition> ocr = new AtomicReference<>(Recognition.engineUnavailable("test"));

    public final MeterAccess meterAccess = new MeterAccess(table, access);
    public final MeterService meters = new MeterService(table, meterAccess, clock);
    public final DeviceService devices = new DeviceService(table, meterAccess, clock);
    public final MeterPhotos meterPhotos = new MeterPhotos(() -> { throw new AssertionError("no S3 in these tests"); }, config) {
        @Override
        public String store(String meterId, String readingId, byte[] photo, PhotoFormat format) {
            String key = "meter-readings/" + meterId + "/" + readingId + "." + format.extension();
            photos.put(key, photo);
            return key;
        }

        @Override
        public byte[] read(String key) {
            return photos.get(key);
        }

        @Override
        public java.util.Optional<Long> size(String key) {
            return java.util.Optional.ofNullable(photos.get(key)).map(b -> (long) b.length);
        }

        @Override
        public byte[] firstBytes(String key, int count) {
            return java.util.Arrays.copyOf(photos.get(key), Math.min(count, photos.get(key).length));
        }

        @Override
        public String copyUpload(String uploadKey, String meterId, String readingId, PhotoFormat format) {
            String key = "meter-readings/" + meterId + "/" + readingId + "." + format.extension();
            photos.put(key, photos.get(uploadKey));
            return key;
        }
    };
    public final MeterDigitsReader reader = image -> ocr.get();
    public final ReadingService readings = new ReadingService(table, meterAccess, meterPhotos, outbox, clock);
    public final AiGateway gateway = new AiGateway(table, clock);
    public final OcrReview review = new OcrReview(table, meterPhotos,
            new MeterOcr(gateway, List.of(MeterOcr.engine("test", "scripted", () -> reader))), outbox);
    public final ReadingQueries queries = new ReadingQueries(table, meterAccess);
    public final People people = new People(table, access);
    public final ReadingPeriods periods = new ReadingPeriods(table, meterAccess, meters, people, notifications, clock);
    public final MeterNotices notices = new MeterNotices(people, notifications);
    public final BatchStore batchStore = new BatchStore(LocalDynamo.client(), table);
    public final DeviceDirectory directory = new DeviceDirectory(batchStore, clock);
    public final ReadingIngestion ingestion = new ReadingIngestion(directory, batchStore, outbox, clock);

    public MetersFixture() {
        member(manager, org, Role.MANAGER, building.getId(), null);
        member(owner, org, Role.OWNER, building.getId(), unit1.getId());
        member(tenant, org, Role.TENANT, building.getId(), unit1.getId());
        member(otherOwner, org, Role.OWNER, building.getId(), unit2.getId());
        member(technician, org, Role.TECHNICIAN, building.getId(), null);
    }

    /** Every item of one partition, in key order. */
    public <T extends app.domus.shared.persistence.TableItem> java.util.List<T> partition(Class<T> type, String pk) {
        return table.of(type).query(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo(
                software.amazon.awssdk.enhanced.dynamodb.Key.builder().partitionValue(pk).build())).items().stream().toList();
    }

    /** An upload of {@code ownerId}'s, as POST /uploads leaves it, with {@code bytes} sent to its URL (null: not sent). */
    public app.domus.shared.uploads.UploadItem upload(String ownerId, byte[] bytes) {
        var upload = new app.domus.shared.uploads.UploadItem();
        upload.setId(app.domus.shared.ids.Ids.newId());
        upload.setPk(app.domus.shared.uploads.UploadItem.pk(upload.getId()));
        upload.setSk(app.domus.shared.uploads.UploadItem.SK);
        upload.setOwnerId(ownerId);
        upload.setObjectKey("uploads/" + ownerId + "/" + upload.getId());
        upload.setContentType("image/png");
        upload.setSizeBytes(bytes == null ? 1000L : bytes.length);
        upload.setStatus(app.domus.shared.uploads.UploadItem.PENDING);
        upload.setCreatedAt(clock.instant().toString());
        upload.setExpiresAt(clock.instant().plusSeconds(900).toString());
        table.of(app.domus.shared.uploads.UploadItem.class).putItem(upload);
        if (bytes != null) photos.put(upload.getObjectKey(), bytes);
        return table.get(app.domus.shared.uploads.UploadItem.class, upload.getPk(), upload.getSk()).orElseThrow();
    }

    /** An electricity meter of unit 1A, installed at the start of the year from 0. */
    public MeterItem electricityMeter() {
        return meters.create(caller(manager), new MeterRequests.CreateMeter(unit1.getId(), null, "electricity", "SN-1", null,
                "2026-01-01", BigDecimal.ZERO, null));
    }
}
