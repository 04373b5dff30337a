package app.domus.local.dynamodb;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points sqlite4java (under DynamoDB Local) at its native libraries. The build copies them to
 * {@code local/target/native-libs}, next to both {@code target/classes} and {@code target/domus-local.jar}, so the
 * local cloud finds them without a command-line flag.
 */
final class SqliteNatives {
    static final String LIBRARY_PATH_PROPERTY = "sqlite4java.library.path";

    private SqliteNatives() {}

    static void locate() {
        if (System.getProperty(LIBRARY_PATH_PROPERTY) != null) return;
        Path nativeLibraries = buildDirectory().resolve("native-libs");
        if (!Files.isDirectory(nativeLibraries)) {
            throw new IllegalStateException("sqlite4java native libraries not found at " + nativeLibraries
                    + "; build the local module (mvn -pl local -am package) or set -D" + LIBRARY_PATH_PROPERTY);
        }
        System.setProperty(LIBRARY_PATH_PROPERTY, nativeLibraries.toString());
    }

    /** {@code local/target}: the parent of this class's code source (a jar, or the classes directory). */
    private static Path buildDirectory() {
        try {
            Path codeSource = Path.of(SqliteNatives.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
