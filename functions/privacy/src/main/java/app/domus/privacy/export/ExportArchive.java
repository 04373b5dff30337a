package app.domus.privacy.export;

import app.domus.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The ZIP of an export: {@code <kind>.json} per kind of data (a JSON array of items) and {@code README.txt}. */
public final class ExportArchive {
    static final String README = """
            Your data in Domus
            ==================
            One JSON file per kind of data, each an array of the items Domus stores about you, as stored (times in UTC,
            ISO 8601; amounts in minor units of their currency). Secrets (password and MFA hashes, token hashes, push
            endpoints, encrypted calendar tokens) and the database's own bookkeeping are left out. Ids name other
            records (a unit, a building, a vote); other people's data is not included.
            Questions: write to your property manager, or to privacy@domus.app.
            """;

    private ExportArchive() {}

    /** The archive's bytes and, per file, the number of items in it. */
    public record Built(byte[] bytes, Map<String, Integer> files) {}

    public static Built of(String exportId, String userId, String generatedAt, Map<String, List<Map<String, Object>>> data) {
        Map<String, Integer> files = new LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "README.txt", README.getBytes(StandardCharsets.UTF_8));
            entry(zip, "export.json", Json.write(Map.of("exportId", exportId, "userId", userId, "generatedAt", generatedAt))
                    .getBytes(StandardCharsets.UTF_8));
            for (var kind : data.entrySet()) {
                entry(zip, kind.getKey() + ".json", Json.write(kind.getValue()).getBytes(StandardCharsets.UTF_8));
                files.put(kind.getKey() + ".json", kind.getValue().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(out.toByteArray(), files);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
