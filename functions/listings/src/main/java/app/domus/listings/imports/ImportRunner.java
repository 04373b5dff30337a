package app.domus.listings.imports;

import app.domus.listings.listings.ListingRequests;
import app.domus.listings.listings.ListingService;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs an import page by page, one page per queue message (a Lambda never runs long, a failure retries one page):
 * fetch the page from the CRM, map each property ({@link FieldMapper}), and create or update its listing through
 * {@link ListingService} (events, search indexing and thumbnails as for a listing made by hand), photos downloaded and
 * stored as uploads' copies are. Idempotent per CRM id: {@link ImportedPropertyItem} names the listing a property became
 * and the hash of its content, so an unchanged property is skipped; {@link ImportOutcomeItem} records what this run did
 * with each, in the listing's own transaction, so a page taken up again does nothing twice. The page's counts, its
 * {@code ImportProgress} and (on the last page) {@code ImportCompleted} are one transaction at the run's version; then the
 * next page is queued.
 */
@Singleton
public class ImportRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    static final long OUTCOME_DAYS = 30;

    private final DomusTable table;
    private final ListingService listings;
    private final CrmSources sources;
    private final CrmCredentials credentials;
    private final ImportPages pages;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ImportRunner(DomusTable table, ListingService listings, CrmSources sources, CrmCredentials credentials, ImportPages pages,
                        Outbox outbox, Clock clock) {
        this.table = table;
        this.listings = listings;
        this.sources = sources;
        this.credentials = credentials;
        this.pages = pages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** On {@code ImportStarted}: the first page is queued. */
    public void started(ImportEvents.Started started) {
        pages.send(new ImportPages.Page(started.importId(), started.runId(), 0, null));
    }

    /** One page; throws (the message is retried) when the CRM fails or the table does. */
    public void page(ImportPages.Page message) {
        ImportRunItem run = run(message.importId(), message.runId()).orElse(null);
        if (run == null || !ImportRunItem.RUNNING.equals(run.getStatus())) {
            LOG.info("Import run {} is not running; page {} passed over", message.runId(), message.page());
            return;
        }
        if (run.getPagesDone() > message.page()) {
            // Done before, and its next message may have been lost: sent again (a duplicate is passed over like this one).
            if (run.getPagesDone() == message.page() + 1 && run.getCursor() != null) {
                pages.send(new ImportPages.Page(message.importId(), message.runId(), message.page() + 1, run.getCursor()));
            }
            return;
        }
        ImportItem config = table.get(ImportItem.class, ImportItem.pk(message.importId()), ImportItem.SK).orElseThrow();
        CrmType type = CrmType.of(config.getCrmType());
        FieldMapper mapper = new FieldMapper(type, Json.read(config.getFieldMapping(), ImportRequests.FieldMapping.class));
        CrmSource.Connection connection = new CrmSource.Connection(config.getEndpoint(), credentials.read(config.getSecretName()));
        CrmPage page = sources.of(type).page(connection, message.cursor());
        for (ImportEvents.ItemError unreadable : page.unreadable()) {
            record(message, unreadable.crmId(), ImportOutcomeItem.FAILED, null, unreadable.errors());
        }
        for (CrmRecord property : page.records()) {
            if (done(message, property.crmId())) continue;
            importOne(config, mapper, message, property);
        }
        finishPage(config, message, page.next());
    }

    /** The run's last attempt failed too: it is marked failed, with {@code ImportCompleted} saying why. */
    public void failed(ImportPages.Page message, String reason) {
        ImportRunItem run = run(message.importId(), message.runId()).orElse(null);
        if (run == null || !ImportRunItem.RUNNING.equals(run.getStatus())) return;
        ImportItem config = table.get(ImportItem.class, ImportItem.pk(message.importId()), ImportItem.SK).orElseThrow();
        run.setStatus(ImportRunItem.FAILED);
        run.setLastError(reason);
        run.setFinishedAt(clock.instant().toString());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ImportRunItem.class), run);
        release(transaction, config, run.getId());
        outbox.add(transaction, ImportEvents.COMPLETED, run.getAgencyId(), run.getId(), new ImportEvents.Completed(run.getImportId(),
                run.getId(), run.getAgencyId(), ImportRunItem.FAILED, run.counts(), run.getPagesDone(), reason));
        table.client().transactWriteItems(transaction.build());
    }

    private void importOne(ImportItem config, FieldMapper mapper, ImportPages.Page message, CrmRecord property) {
        FieldMapper.Result result = mapper.map(property);
        if (result instanceof FieldMapper.Rejected rejected) {
            record(message, property.crmId(), ImportOutcomeItem.FAILED, null, rejected.errors());
            return;
        }
        FieldMapper.Mapped mapped = (FieldMapper.Mapped) result;
        Optional<ImportedPropertyItem> known = table.get(ImportedPropertyItem.class, ImportItem.pk(config.getId()), ImportedPropertyItem.sk(property.crmId()));
        if (known.isPresent() && known.get().getContentHash().equals(mapped.contentHash())) {
            record(message, property.crmId(), ImportOutcomeItem.UNCHANGED, known.get().getListingId(), null);
            return;
        }
        try {
            if (known.isPresent()) {
                ImportedPropertyItem mapping = known.get();
                mapping.setContentHash(mapped.contentHash());
                mapping.setRunId(message.runId());
                mapping.setImportedAt(clock.instant().toString());
                var request = new ListingRequests.UpdateListing(mapped.request().property(), mapped.request().description(), mapped.request().pricing());
                listings.updateImported(mapping.getListingId(), config.getCreatedBy(), request, (transaction, changed) -> {
                    transaction.addUpdateItem(table.of(ImportedPropertyItem.class), mapping);
                    transaction.addPutItem(table.of(ImportOutcomeItem.class), outcome(message, property.crmId(),
                            changed ? ImportOutcomeItem.UPDATED : ImportOutcomeItem.UNCHANGED, mapping.getListingId(), null));
                });
                return;
            }
            List<byte[]> photos = new ArrayList<>();
            List<String> photoErrors = new ArrayList<>();
            for (int i = 0; i < mapped.photoUrls().size(); i++) {
                String url = mapped.photoUrls().get(i);
                try {
                    CrmHttp.Response photo = sources.http().get(url, Map.of());
                    if (photo.ok()) photos.add(photo.body());
                    else photoErrors.add("photo " + (i + 1) + " (" + url + "): HTTP " + photo.status());
                } catch (CrmException e) {
                    photoErrors.add("photo " + (i + 1) + " (" + url + "): " + e.getMessage());
                }
            }
            if (!photoErrors.isEmpty()) {
                record(message, property.crmId(), ImportOutcomeItem.FAILED, null, photoErrors);
                return;
            }
            ImportedPropertyItem mapping = new ImportedPropertyItem();
            mapping.setPk(ImportItem.pk(config.getId()));
            mapping.setSk(ImportedPropertyItem.sk(property.crmId()));
            mapping.setImportId(config.getId());
            mapping.setCrmId(property.crmId());
            mapping.setContentHash(mapped.contentHash());
            mapping.setRunId(message.runId());
            mapping.setImportedAt(clock.instant().toString());
            try {
                listings.createImported(config.getAgencyId(), config.getCreatedBy(), mapped.request(), photos, config.publishes(),
                        (transaction, listingId) -> {
                            mapping.setListingId(listingId);
                            transaction.addPutItem(table.of(ImportedPropertyItem.class), mapping);
                            transaction.addPutItem(table.of(ImportOutcomeItem.class),
                                    outcome(message, property.crmId(), ImportOutcomeItem.CREATED, listingId, null));
                        });
            } catch (IllegalArgumentException e) {
                record(message, property.crmId(), ImportOutcomeItem.FAILED, null, List.of(e.getMessage()));
            }
        } catch (ApiException e) {
            // Refused for good by the listing's own rules (a withdrawn listing, a conflict is retried with the page).
            if (e.type().status() == 409) throw e;
            record(message, property.crmId(), ImportOutcomeItem.FAILED, null, List.of(e.detail()));
        }
    }

    private void finishPage(ImportItem config, ImportPages.Page message, String next) {
        List<ImportOutcomeItem> outcomes = table.all(ImportOutcomeItem.class, ImportOutcomeItem.pk(message.runId()),
                ImportOutcomeItem.pagePrefix(message.page()));
        int created = 0, updated = 0, unchanged = 0, failed = 0;
        List<ImportEvents.ItemError> errors = new ArrayList<>();
        for (ImportOutcomeItem o : outcomes) {
            switch (o.getOutcome()) {
                case ImportOutcomeItem.CREATED -> created++;
                case ImportOutcomeItem.UPDATED -> updated++;
                case ImportOutcomeItem.UNCHANGED -> unchanged++;
                default -> {
                    failed++;
                    errors.add(new ImportEvents.ItemError(o.getCrmId(), o.getErrors()));
                }
            }
        }
        ImportEvents.Counts pageCounts = new ImportEvents.Counts(created, updated, unchanged, failed);
        for (int attempt = 1; ; attempt++) {
            ImportRunItem run = run(message.importId(), message.runId()).orElseThrow();
            if (run.getPagesDone() > message.page() || !ImportRunItem.RUNNING.equals(run.getStatus())) return;
            run.add(pageCounts);
            run.setPagesDone(message.page() + 1);
            run.setCursor(next);
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            outbox.add(transaction, ImportEvents.PROGRESS, run.getAgencyId(), run.getId(), new ImportEvents.Progress(run.getImportId(),
                    run.getId(), message.page(), pageCounts, run.counts(), errors));
            if (next == null) {
                run.setStatus(ImportRunItem.COMPLETED);
                run.setFinishedAt(clock.instant().toString());
                release(transaction, config, run.getId());
                outbox.add(transaction, ImportEvents.COMPLETED, run.getAgencyId(), run.getId(), new ImportEvents.Completed(run.getImportId(),
                        run.getId(), run.getAgencyId(), ImportRunItem.COMPLETED, run.counts(), run.getPagesDone(), null));
            }
            transaction.addUpdateItem(table.of(ImportRunItem.class), run);
            try {
                table.client().transactWriteItems(transaction.build());
                break;
            } catch (TransactionCanceledException e) {
                if (attempt >= 3) throw e;
            }
        }
        if (next != null) pages.send(new ImportPages.Page(message.importId(), message.runId(), message.page() + 1, next));
    }

    /** The import no longer has this run under way (read afresh: its version moved when the run started). */
    private void release(TransactWriteItemsEnhancedRequest.Builder transaction, ImportItem config, String runId) {
        ImportItem current = table.get(ImportItem.class, ImportItem.pk(config.getId()), ImportItem.SK).orElseThrow();
        if (!runId.equals(current.getActiveRunId())) return;
        current.setActiveRunId(null);
        current.setActiveRunStartedAt(null);
        transaction.addUpdateItem(table.of(ImportItem.class), current);
    }

    private boolean done(ImportPages.Page message, String crmId) {
        return table.get(ImportOutcomeItem.class, ImportOutcomeItem.pk(message.runId()), ImportOutcomeItem.sk(message.page(), crmId)).isPresent();
    }

    private void record(ImportPages.Page message, String crmId, String outcome, String listingId, List<String> errors) {
        table.of(ImportOutcomeItem.class).putItem(outcome(message, crmId, outcome, listingId, errors));
    }

    private ImportOutcomeItem outcome(ImportPages.Page message, String crmId, String outcome, String listingId, List<String> errors) {
        ImportOutcomeItem item = new ImportOutcomeItem();
        item.setPk(ImportOutcomeItem.pk(message.runId()));
        item.setSk(ImportOutcomeItem.sk(message.page(), crmId));
        item.setCrmId(crmId);
        item.setOutcome(outcome);
        item.setListingId(listingId);
        item.setErrors(errors);
        item.setTtl(clock.instant().plus(Duration.ofDays(OUTCOME_DAYS)).getEpochSecond());
        return item;
    }

    private Optional<ImportRunItem> run(String importId, String runId) {
        return table.get(ImportRunItem.class, ImportItem.pk(importId), ImportRunItem.sk(runId));
    }
}
