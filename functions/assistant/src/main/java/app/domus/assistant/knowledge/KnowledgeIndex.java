package app.domus.assistant.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * One building's knowledge as a Lucene index (BM25, Lucene's default similarity, over English-stemmed passages). Built
 * whole from the building's documents on each upload and kept in S3 as one zip of the index's files, which a cold
 * function reads into memory in one GET. Every passage carries its organisation and building, and every search is
 * filtered on them: an index handed to the wrong caller still answers nothing of another organisation's.
 */
public final class KnowledgeIndex implements AutoCloseable {
    static final int PASSAGE_CHARS = 700;
    private static final String ORG = "organisationId";
    private static final String BUILDING = "buildingId";
    private static final String TEXT = "text";

    /** A stored document's text, to be cut into passages. */
    public record Source(String documentId, String title, String text) {}

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private KnowledgeIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** The index of a building's documents, as the bytes of a zip of its files. */
    public static byte[] build(String organisationId, String buildingId, List<Source> sources) {
        try (Directory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()))) {
            for (Source source : sources) {
                for (String passage : passages(source.text())) {
                    Document doc = new Document();
                    doc.add(new StringField(ORG, organisationId, Field.Store.YES));
                    doc.add(new StringField(BUILDING, buildingId, Field.Store.YES));
                    doc.add(new StoredField("documentId", source.documentId()));
                    doc.add(new StoredField("title", source.title()));
                    doc.add(new TextField("title_text", source.title(), Field.Store.NO));
                    doc.add(new TextField(TEXT, passage, Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            writer.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (String file : directory.listAll()) {
                    zip.putNextEntry(new ZipEntry(file));
                    try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
                        byte[] content = new byte[(int) in.length()];
                        in.readBytes(content, 0, content.length);
                        zip.write(content);
                    }
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge index could not be built", e);
        }
    }

    /** Opens an index from the zip {@link #build} made. */
    public static KnowledgeIndex open(byte[] zipped) {
        try {
            Directory directory = new ByteBuffersDirectory();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    byte[] content = zip.readAllBytes();
                    try (IndexOutput out = directory.createOutput(entry.getName(), IOContext.DEFAULT)) {
                        out.writeBytes(content, content.length);
                    }
                }
            }
            return new KnowledgeIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge index could not be read", e);
        }
    }

    /** The best passages for the question in this organisation's building, best first; none when no word matches. */
    public List<Passage> search(String organisationId, String buildingId, String question, int max) {
        try {
            Query text = terms(question);
            if (text == null) return List.of(); // only stop words, or nothing searchable
            Query query = new BooleanQuery.Builder()
                    .add(text, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(ORG, organisationId)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(BUILDING, buildingId)), BooleanClause.Occur.FILTER)
                    .build();
            List<Passage> found = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query, max).scoreDocs) {
                Document doc = stored.document(hit.doc);
                found.add(new Passage(doc.get("documentId"), doc.get("title"), doc.get(BUILDING), doc.get(TEXT), hit.score));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question's analysed terms, any of which may match (BM25 ranks by how many and how rare); null without any. */
    private static Query terms(String question) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        try (Analyzer analyzer = new EnglishAnalyzer(); TokenStream tokens = analyzer.tokenStream(TEXT, question)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && count < IndexSearcher.getMaxClauseCount()) {
                any.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                count++;
            }
            tokens.end();
        }
        return count == 0 ? null : any.build();
    }

    /** Paragraphs, joined while they fit in a passage; a longer paragraph cut at sentence ends. */
    static List<String> passages(String text) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").split("\n\\s*\n")) {
            String p = paragraph.replaceAll("\\s+", " ").strip();
            if (p.isEmpty()) continue;
            if (p.length() <= PASSAGE_CHARS) {
                pieces.add(p);
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String sentence : p.split("(?<=[.!?])\\s+")) {
                if (current.length() > 0 && current.length() + sentence.length() > PASSAGE_CHARS) {
                    pieces.add(current.toString().strip());
                    current.setLength(0);
                }
                current.append(sentence).append(' ');
            }
            if (current.length() > 0) pieces.add(current.toString().strip());
        }
        List<String> merged = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && current.length() + piece.length() + 1 > PASSAGE_CHARS) {
                merged.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append('\n');
            current.append(piece);
        }
        if (current.length() > 0) merged.add(current.toString());
        return merged;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
