package app.domus.faults;

import app.domus.faults.queries.FaultQueries;
import app.domus.faults.reporting.ReportingService;
import app.domus.faults.triage.FaultNotices;
import app.domus.faults.uploads.UploadService;
import app.domus.faults.workflow.WorkflowService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * Wiring of the faults functions that answer requests and send notices, built once per cold start by each handler's
 * public constructor. The fault analysis is not in it: triage has its own component and zip ({@code TriageComponent}),
 * so that these functions' zip carries no AI libraries.
 */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class})
public interface FaultsComponent {
    FaultAccess faultAccess();

    UploadService uploads();

    ReportingService reporting();

    WorkflowService workflow();

    FaultQueries queries();

    FaultNotices notices();

    IdempotencyStore idempotency();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static FaultsComponent create() {
        return DaggerFaultsComponent.create();
    }
}
