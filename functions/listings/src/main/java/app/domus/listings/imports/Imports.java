package app.domus.listings.imports;

import app.domus.listings.agencies.AgencyItem;
import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.RealtorItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * CRM imports (flow 21): an agency's admin sets one up ({@code POST /imports}: the connection is tested first, the
 * credentials go to Secrets Manager and never come back) and runs it ({@code POST /imports/{id}/run}: the run and
 * {@code ImportStarted} in one transaction; {@link ImportRunner} does the work). Imports and their runs are the agency
 * admin's: another agency's answer 404, the agency's other realtors 403.
 */
@Singleton
public class Imports {
    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
    public static final String SECRET_PREFIX = "domus/listings/imports/";
    /** A run that has not finished after this long no longer blocks a new one (its pages died in the DLQ). */
    static final Duration STALE_RUN = Duration.ofMinutes(30);
    static final int ERRORS_SHOWN = 100;

    public record ImportView(String importId, String agencyId, String crmType, String endpoint, ImportRequests.FieldMapping fieldMapping,
                             boolean publish, String createdBy, String createdAt) {}

    public record RunView(String importRunId, String importId, String status, ImportEvents.Counts counts, int total, int pagesDone,
                          String startedBy, String startedAt, String finishedAt, String lastError, List<ImportEvents.ItemError> errors) {}

    private final DomusTable table;
    private final Agencies agencies;
    private final CrmSources sources;
    private final CrmCredentials credentials;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public Imports(DomusTable table, Agencies agencies, CrmSources sources, CrmCredentials credentials, Outbox outbox, Clock clock) {
        this.table = table;
        this.agencies = agencies;
        this.sources = sources;
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ImportView create(Caller caller, ImportRequests.CreateImport request) {
        RealtorItem admin = agencies.membership(caller.userId())
                .orElseThrow(() -> ApiException.forbidden("Only an agency's admin imports from a CRM"));
        if (!admin.isAdmin()) throw ApiException.forbidden("Only the agency's admin imports from a CRM");
        String endpoint = request.endpoint().strip();
        if (!sources.http().allowed(endpoint)) throw ApiException.validation("endpoint", "must be an https URL");
        String tokenUrl = request.givenCredentials().get("tokenUrl");
        if (tokenUrl != null && !sources.http().allowed(tokenUrl)) throw ApiException.validation("credentials.tokenUrl", "must be an https URL");
        CrmSource.Connection connection = new CrmSource.Connection(endpoint, request.givenCredentials());
        try {
            sources.of(request.type()).test(connection);
        } catch (CrmException e) {
            throw new ApiException(ProblemType.UNPROCESSABLE, (e.refused() ? "The CRM refused the connection: " : "The CRM could not be read: ")
                    + e.getMessage());
        }
        String now = clock.instant().toString();
        ImportItem item = new ImportItem();
        item.setId(Ids.newId());
        item.setPk(ImportItem.pk(item.getId()));
        item.setSk(ImportItem.SK);
        item.setGsi1pk(AgencyItem.pk(admin.getAgencyId()));
        item.setGsi1sk("IMPORT#" + now + "#" + item.getId());
        item.setAgencyId(admin.getAgencyId());
        item.setCrmType(request.type().id());
        item.setEndpoint(endpoint);
        item.setSecretName(SECRET_PREFIX + item.getId());
        item.setFieldMapping(Json.write(request.mapping()));
        item.setPublish(Boolean.TRUE.equals(request.publish()));
        item.setCreatedBy(caller.userId());
        item.setCreatedAt(now);
        credentials.save(item.getSecretName(), request.givenCredentials());
        try {
            table.of(ImportItem.class).putItem(item);
        } catch (RuntimeException e) {
            try {
                credentials.delete(item.getSecretName());
            } catch (RuntimeException deleteFailed) {
                LOG.warn("Could not remove the secret {} of an import that was not stored", item.getSecretName(), deleteFailed);
            }
            throw e;
        }
        return view(item);
    }

    /** Starts a run: 202 with its id; 409 while another run of this import is under way. */
    public RunView start(Caller caller, String importId) {
        ImportItem config = administered(caller, importId);
        Instant now = clock.instant();
        if (config.getActiveRunId() != null && Instant.parse(config.getActiveRunStartedAt()).plus(STALE_RUN).isAfter(now)) {
            throw new ApiException(ProblemType.INVALID_STATE, "A run of this import is under way: " + config.getActiveRunId());
        }
        ImportRunItem run = new ImportRunItem();
        run.setId(Ids.newId());
        run.setPk(ImportItem.pk(importId));
        run.setSk(ImportRunItem.sk(run.getId()));
        run.setImportId(importId);
        run.setAgencyId(config.getAgencyId());
        run.setStatus(ImportRunItem.RUNNING);
        run.setPagesDone(0);
        run.add(ImportEvents.Counts.NONE);
        run.setStartedBy(caller.userId());
        run.setStartedAt(now.toString());
        config.setActiveRunId(run.getId());
        config.setActiveRunStartedAt(now.toString());
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(table.of(ImportItem.class), config)
                .addPutItem(table.of(ImportRunItem.class), run);
        outbox.add(transaction, ImportEvents.STARTED, config.getAgencyId(), run.getId(),
                new ImportEvents.Started(importId, run.getId(), config.getAgencyId(), config.getCrmType(), caller.userId()));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("Another run of this import was started at the same time");
        }
        run.setVersion(1L);
        return view(run, List.of());
    }

    public RunView run(Caller caller, String importId, String runId) {
        administered(caller, importId);
        ImportRunItem run = table.get(ImportRunItem.class, ImportItem.pk(importId), ImportRunItem.sk(runId))
                .orElseThrow(() -> ApiException.notFound("Import run"));
        List<ImportEvents.ItemError> errors = table.all(ImportOutcomeItem.class, ImportOutcomeItem.pk(runId), "PAGE#").stream()
                .filter(o -> ImportOutcomeItem.FAILED.equals(o.getOutcome())).limit(ERRORS_SHOWN)
                .map(o -> new ImportEvents.ItemError(o.getCrmId(), o.getErrors())).toList();
        return view(run, errors);
    }

    /** The import if it is the caller's agency's (404 otherwise) and the caller its admin (403 otherwise). */
    private ImportItem administered(Caller caller, String importId) {
        ImportItem config = table.get(ImportItem.class, ImportItem.pk(importId), ImportItem.SK).orElseThrow(() -> ApiException.notFound("Import"));
        RealtorItem member = agencies.membership(caller.userId()).filter(m -> m.getAgencyId().equals(config.getAgencyId()))
                .orElseThrow(() -> ApiException.notFound("Import"));
        if (!member.isAdmin()) throw ApiException.forbidden("Only the agency's admin runs its imports");
        return config;
    }

    static ImportView view(ImportItem item) {
        return new ImportView(item.getId(), item.getAgencyId(), item.getCrmType(), item.getEndpoint(),
                Json.read(item.getFieldMapping(), ImportRequests.FieldMapping.class), item.publishes(), item.getCreatedBy(), item.getCreatedAt());
    }

    static RunView view(ImportRunItem run, List<ImportEvents.ItemError> errors) {
        ImportEvents.Counts counts = run.counts();
        return new RunView(run.getId(), run.getImportId(), run.getStatus(), counts, counts.total(),
                run.getPagesDone() == null ? 0 : run.getPagesDone(), run.getStartedBy(), run.getStartedAt(), run.getFinishedAt(),
                run.getLastError(), errors);
    }
}
