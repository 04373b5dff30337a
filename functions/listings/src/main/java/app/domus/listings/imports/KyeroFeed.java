package app.domus.listings.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Kyero XML feed, version 3: {@code <root>}, a {@code <kyero><feed_version>3</feed_version></kyero>} header, then one
 * {@code <property>} per property with {@code <id>} (the CRM's id, stable across feeds), {@code <date>}, {@code <ref>},
 * {@code <price>} (whole units), {@code <currency>}, {@code <price_freq>} ({@code sale}, {@code month}, {@code week}),
 * {@code <type>}, {@code <town>}, {@code <province>}, {@code <location_detail>}, {@code <location><latitude>/<longitude>},
 * {@code <beds>}, {@code <baths>}, {@code <surface_area><built>/<plot>} (m²), {@code <desc><en>…} per language,
 * {@code <features><feature>…} and {@code <images><image id="n"><url>}. The feed is absolute (every property, every
 * time), one document, so a page is a slice of it: the cursor is the offset of its first property, and each page reads the
 * feed again (feeds are a few MB; a feed that changes between pages shifts its slices, which the idempotent import absorbs).
 * DOCTYPEs are refused (no external entities).
 */
public class KyeroFeed implements CrmSource {
    public static final int PAGE_SIZE = 50;

    private final CrmHttp http;

    public KyeroFeed(CrmHttp http) {
        this.http = http;
    }

    /** The feed's properties, and those it holds without an {@code <id>}. */
    public record Parsed(List<CrmRecord> records, List<ImportEvents.ItemError> unreadable) {}

    @Override
    public void test(Connection connection) {
        parse(fetch(connection));
    }

    @Override
    public CrmPage page(Connection connection, String cursor) {
        int offset = cursor == null ? 0 : Integer.parseInt(cursor);
        Parsed feed = parse(fetch(connection));
        int end = Math.min(offset + PAGE_SIZE, feed.records().size());
        List<CrmRecord> slice = offset >= feed.records().size() ? List.of() : feed.records().subList(offset, end);
        // The unreadable ones are reported with the first page only.
        return new CrmPage(slice, offset == 0 ? feed.unreadable() : List.of(), end < feed.records().size() ? String.valueOf(end) : null);
    }

    private InputStream fetch(Connection connection) {
        Map<String, String> headers = new LinkedHashMap<>();
        String user = connection.credentials().get("username");
        if (user != null) {
            String pair = user + ":" + connection.credentials().getOrDefault("password", "");
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        CrmHttp.Response response = http.get(connection.endpoint(), headers);
        if (response.status() == 401 || response.status() == 403) throw new CrmException("The feed refused the credentials (" + response.status() + ")", true);
        if (!response.ok()) throw new CrmException("The feed answered " + response.status(), false);
        return new ByteArrayInputStream(response.body());
    }

    public static Parsed parse(InputStream xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(xml);
        } catch (Exception e) {
            throw new CrmException("The feed is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("root")) throw new CrmException("The feed's root element is <" + root.getTagName() + ">, not a Kyero <root>", false);
        List<CrmRecord> records = new ArrayList<>();
        List<ImportEvents.ItemError> unreadable = new ArrayList<>();
        int position = 0;
        for (Element property : children(root, "property")) {
            position++;
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, List<String>> lists = new LinkedHashMap<>();
            flatten(property, "", fields, lists);
            String id = fields.get("id");
            if (id == null || id.isBlank()) {
                unreadable.add(new ImportEvents.ItemError("#" + position, List.of("the <property> has no <id>")));
                continue;
            }
            List<String> photos = new ArrayList<>();
            for (Element images : children(property, "images")) {
                children(images, "image").stream()
                        .sorted(Comparator.comparingInt(KyeroFeed::imageOrder))
                        .forEach(image -> children(image, "url").stream().findFirst().map(u -> u.getTextContent().strip())
                                .filter(u -> !u.isEmpty()).ifPresent(photos::add));
            }
            records.add(new CrmRecord(id.strip(), fields, lists, photos));
        }
        return new Parsed(records, unreadable);
    }

    /** Leaves as {@code path/to/leaf}; repeated leaves (a list such as {@code features/feature}) also as a list. */
    private static void flatten(Element element, String prefix, Map<String, String> fields, Map<String, List<String>> lists) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child) || child.getTagName().equals("images")) continue;
            String path = prefix + child.getTagName();
            if (children(child, null).isEmpty()) {
                String text = child.getTextContent().strip();
                fields.putIfAbsent(path, text);
                lists.computeIfAbsent(path, k -> new ArrayList<>()).add(text);
            } else {
                flatten(child, path + "/", fields, lists);
            }
        }
    }

    private static int imageOrder(Element image) {
        try {
            return Integer.parseInt(image.getAttribute("id").strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && (name == null || child.getTagName().equals(name))) found.add(child);
        }
        return found;
    }
}
