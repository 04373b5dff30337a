package app.domus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Small jars made at run time from the bench's own classes, so that a child JVM's classpath holds only what it needs. */
final class Jars {
    private Jars() {}

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyFile(Path file, Path directory) throws IOException {
        Path target = directory.resolve(file.getFileName());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** A jar of every class file under {@code prefix} (e.g. {@code app/domus/bench/probe/}) where {@code anchor} was loaded from. */
    static Path copyPackage(Class<?> anchor, String prefix, Path jar) throws IOException {
        Path source = codeSource(anchor);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(source)) {
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(source.resolve(prefix))) {
                    classes = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path path : classes) {
                    out.putNextEntry(new JarEntry(source.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    for (JarEntry entry : in.stream().filter(e -> e.getName().startsWith(prefix) && !e.isDirectory()).toList()) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream bytes = in.getInputStream(entry)) {
                            bytes.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
