package app.domus.faults;

import app.domus.faults.analysis.AnalysisModule;
import app.domus.faults.queries.FaultQueries;
import app.domus.faults.reporting.ReportingService;
import app.domus.faults.triage.FaultNotices;
import app.domus.faults.triage.Triage;
import app.domus.faults.uploads.UploadService;
import app.domus.faults.workflow.WorkflowService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the faults functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, AnalysisModule.class})
public interface FaultsComponent {
    FaultAccess faultAccess();

    UploadService uploads();

    ReportingService reporting();

    WorkflowService workflow();

    FaultQueries queries();

    Triage triage();

    FaultNotices notices();

    IdempotencyStore idempotency();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static FaultsComponent create() {
        return DaggerFaultsComponent.create();
    }
}
