import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every {@code *-lambda.zip} in the given directory so that the jars in its {@code lib/} are stored
 * uncompressed and the zip itself is deflated at the highest level.
 *
 * <p>Why: a jar compresses each class on its own, and a zip of such jars cannot compress them again. A stored jar
 * inside a deflated zip is compressed as one stream, across classes, which makes the deployment zip about a third
 * smaller (the identity zip: 19.98 MB to 13.7 MB). Lambda unpacks the zip before the JVM starts, so the jars on the
 * function's classpath are then stored ones, which the JVM reads without inflating each class: less work at a cold
 * start, not more. Entry contents are unchanged byte for byte, so a signed jar keeps a valid signature.
 *
 * <p>Run by the build with the JDK's source launcher ({@code java RepackLambdaZips.java target}): no module to build.
 */
public final class RepackLambdaZips {
    private RepackLambdaZips() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: java RepackLambdaZips.java <directory with *-lambda.zip>");
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(Path.of(args[0]), "*-lambda.zip")) {
            for (Path zip : zips) repack(zip);
        }
    }

    private static void repack(Path zip) throws IOException {
        Path repacked = zip.resolveSibling(zip.getFileName() + ".repacking");
        long before = Files.size(zip);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(repacked))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (!entry.isDirectory() && entry.getName().endsWith(".jar")) content = storedJar(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(repacked, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %,d bytes -> %,d bytes (jars stored, zip deflated)%n", zip.getFileName(), before, Files.size(zip));
    }

    /** The same jar, every entry in the same order with the same bytes and times, stored rather than deflated. */
    private static byte[] storedJar(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
