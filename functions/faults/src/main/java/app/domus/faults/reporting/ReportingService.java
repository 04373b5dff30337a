package app.domus.faults.reporting;

import app.domus.faults.FaultAccess.ReportScope;
import app.domus.faults.FaultEvents;
import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultStatus;
import app.domus.faults.FaultStore;
import app.domus.faults.photos.PhotoIntake;
import app.domus.shared.uploads.UploadItem;
import app.domus.shared.ids.Ids;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Records a reported fault with its photos and announces it; analysis and assignment follow asynchronously. */
@Singleton
public class ReportingService {
    private final FaultStore faults;
    private final PhotoIntake photos;
    private final Clock clock;

    @Inject
    public ReportingService(FaultStore faults, PhotoIntake photos, Clock clock) {
        this.faults = faults;
        this.photos = photos;
        this.clock = clock;
    }

    public FaultItem report(String reporterId, ReportScope scope, ReportFaultRequest request) {
        List<PhotoIntake.Checked> checked = photos.check(reporterId, request.photoList());
        String now = clock.instant().toString();
        FaultItem fault = new FaultItem();
        fault.setId(Ids.newId());
        fault.setOrganisationId(scope.building().getOrganisationId());
        fault.setBuildingId(scope.building().getId());
        fault.setUnitId(scope.unit() == null ? null : scope.unit().getId());
        fault.setTitle(request.title().strip());
        fault.setDescription(request.description().strip());
        fault.setCategory(request.categoryValue().name());
        fault.setStatus(FaultStatus.NEW.name());
        fault.setReportedBy(reporterId);
        fault.setReportedAt(now);
        fault.setAssignments(0);
        FaultHistoryItem reported = fault.record(now, reporterId, FaultHistoryItem.REPORTED).status(null, FaultStatus.NEW);
        fault.index();

        List<String> keys = photos.store(fault.getId(), checked);
        fault.setPhotoKeys(keys);
        List<UploadItem> consumed = new ArrayList<>();
        for (PhotoIntake.Checked photo : checked) {
            if (photo instanceof PhotoIntake.Uploaded uploaded) {
                uploaded.upload().setStatus(UploadItem.USED);
                uploaded.upload().setFaultId(fault.getId());
                consumed.add(uploaded.upload());
            }
        }
        try {
            faults.create(fault, reported, consumed, List.of(FaultEvents.reported(fault)));
        } catch (RuntimeException e) {
            photos.discard(keys);
            throw e;
        }
        // The copies are the fault's photos now; the uploaded originals are of no further use.
        photos.discard(consumed.stream().map(UploadItem::getObjectKey).toList());
        return fault;
    }
}
