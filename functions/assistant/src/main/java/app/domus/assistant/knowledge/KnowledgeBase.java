package app.domus.assistant.knowledge;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A building's knowledge: documents managers upload (rules, FAQs, notices; PDF or text), their text in S3, and the
 * building's Lucene index rebuilt on each upload and kept in S3 ({@code knowledge/<orgId>/<buildingId>/}). Searches
 * open a building's index once per cold start and again only when its revision moved.
 */
@Singleton
public class KnowledgeBase {
    /** The largest file: a 4 MB body holds 3 MB in base64. */
    public static final int MAX_FILE_BYTES = 3 * 1024 * 1024;
    public static final int MAX_TEXT_CHARS = 1_000_000;
    private static final int PASSAGES_PER_BUILDING = 3;

    /** What an upload answers. */
    public record Uploaded(String documentId, String buildingId, String title, String mediaType, long characters, long indexRevision) {}

    private record Opened(long revision, KnowledgeIndex index) {}

    private final DomusTable table;
    private final AccessService access;
    private final KnowledgeFiles files;
    private final Clock clock;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    @Inject
    public KnowledgeBase(DomusTable table, AccessService access, KnowledgeFiles files, Clock clock) {
        this.table = table;
        this.access = access;
        this.files = files;
        this.clock = clock;
    }

    public Uploaded upload(Caller caller, String buildingId, UploadKnowledgeRequest request) {
        BuildingItem building = access.building(caller, buildingId, Action.MANAGE);
        byte[] file = request.pdf() ? decode(request.content()) : request.content().getBytes(StandardCharsets.UTF_8);
        if (file.length > MAX_FILE_BYTES) {
            throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "A document must not exceed " + MAX_FILE_BYTES + " bytes");
        }
        String text = (request.pdf() ? pdfText(file) : request.content()).strip();
        if (text.isEmpty()) throw new ApiException(ProblemType.UNPROCESSABLE, "The document has no text to search");
        if (text.length() > MAX_TEXT_CHARS) throw ApiException.validation("content", "must not exceed " + MAX_TEXT_CHARS + " characters of text");

        String orgId = building.getOrganisationId();
        String documentId = Ids.newId();
        String textKey = prefix(orgId, buildingId) + "documents/" + documentId + ".txt";
        files.put(textKey, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        KnowledgeDocumentItem item = new KnowledgeDocumentItem();
        item.setPk(KnowledgeDocumentItem.pk(buildingId));
        item.setSk(KnowledgeDocumentItem.SK_PREFIX + documentId);
        item.setDocumentId(documentId);
        item.setOrganisationId(orgId);
        item.setBuildingId(buildingId);
        item.setTitle(request.title().strip());
        item.setMediaType(request.mediaType());
        item.setBytes((long) file.length);
        item.setCharacters((long) text.length());
        item.setTextKey(textKey);
        item.setUploadedBy(caller.userId());
        item.setUploadedAt(clock.instant().toString());
        table.of(KnowledgeDocumentItem.class).putItem(item);
        long revision = reindex(orgId, buildingId);
        return new Uploaded(documentId, buildingId, item.getTitle(), item.getMediaType(), text.length(), revision);
    }

    /** Rebuilds the building's index from all its documents and moves the index item to it; a concurrent rebuild: 409. */
    long reindex(String orgId, String buildingId) {
        List<KnowledgeDocumentItem> documents = new ArrayList<>(table.all(KnowledgeDocumentItem.class,
                KnowledgeDocumentItem.pk(buildingId), KnowledgeDocumentItem.SK_PREFIX));
        documents.sort(Comparator.comparing(KnowledgeDocumentItem::getDocumentId));
        List<KnowledgeIndex.Source> sources = new ArrayList<>();
        for (KnowledgeDocumentItem d : documents) {
            String text = new String(files.get(d.getTextKey()), StandardCharsets.UTF_8);
            sources.add(new KnowledgeIndex.Source(d.getDocumentId(), d.getTitle(), text));
        }
        KnowledgeIndexItem current = table.get(KnowledgeIndexItem.class, KnowledgeDocumentItem.pk(buildingId), KnowledgeIndexItem.SK).orElse(null);
        long revision = current == null ? 1 : current.getRevision() + 1;
        String indexKey = prefix(orgId, buildingId) + "index-" + revision + ".zip";
        byte[] index = KnowledgeIndex.build(orgId, buildingId, sources);
        files.put(indexKey, index, "application/zip");
        KnowledgeIndexItem next = current == null ? new KnowledgeIndexItem() : current;
        next.setPk(KnowledgeDocumentItem.pk(buildingId));
        next.setSk(KnowledgeIndexItem.SK);
        next.setOrganisationId(orgId);
        next.setBuildingId(buildingId);
        next.setRevision(revision);
        next.setIndexKey(indexKey);
        next.setDocuments((long) documents.size());
        next.setBuiltAt(clock.instant().toString());
        try {
            if (current == null) {
                table.of(KnowledgeIndexItem.class).putItem(PutItemEnhancedRequest.builder(KnowledgeIndexItem.class).item(next)
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
            } else {
                table.of(KnowledgeIndexItem.class).updateItem(next);
            }
        } catch (ConditionalCheckFailedException e) {
            throw ApiException.conflict("Another document was being indexed for this building; send it again");
        }
        // The revision before stays for readers that have just read the item; the one before that goes.
        if (revision > 2) files.delete(prefix(orgId, buildingId) + "index-" + (revision - 2) + ".zip");
        return revision;
    }

    /**
     * The best passages of these buildings of the organisation for the question, best first. Only the named buildings'
     * indexes are opened, and each search is filtered on the organisation and the building.
     */
    public List<Passage> search(String organisationId, List<String> buildingIds, String question) {
        List<Passage> found = new ArrayList<>();
        for (String buildingId : buildingIds) {
            KnowledgeIndexItem item = table.get(KnowledgeIndexItem.class, KnowledgeDocumentItem.pk(buildingId), KnowledgeIndexItem.SK).orElse(null);
            if (item == null || !organisationId.equals(item.getOrganisationId())) continue;
            found.addAll(index(item).search(organisationId, buildingId, question, PASSAGES_PER_BUILDING));
        }
        found.sort(Comparator.comparing(Passage::score).reversed());
        return found.size() > PASSAGES_PER_BUILDING ? List.copyOf(found.subList(0, PASSAGES_PER_BUILDING)) : found;
    }

    private KnowledgeIndex index(KnowledgeIndexItem item) {
        Opened cached = opened.get(item.getBuildingId());
        if (cached != null && cached.revision() == item.getRevision()) return cached.index();
        byte[] zipped = files.get(item.getIndexKey());
        KnowledgeIndex index = KnowledgeIndex.open(zipped);
        opened.put(item.getBuildingId(), new Opened(item.getRevision(), index));
        return index;
    }

    private static String prefix(String orgId, String buildingId) {
        return "knowledge/" + orgId + "/" + buildingId + "/";
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("content", "must be the PDF's bytes in base64");
        }
    }

    private static String pdfText(byte[] file) {
        if (file.length < 5 || !new String(file, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw ApiException.validation("content", "is not a PDF (it does not start with %PDF-)");
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            if (pdf.isEncrypted()) throw new ApiException(ProblemType.UNPROCESSABLE, "The PDF is encrypted; upload it without a password");
            return new PDFTextStripper().getText(pdf);
        } catch (IOException e) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The PDF could not be read: " + e.getMessage());
        }
    }
}
