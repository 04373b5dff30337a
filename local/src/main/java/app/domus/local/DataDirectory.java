package app.domus.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The data directory: one sub-directory or file per component, and a marker that demo data was seeded. */
final class DataDirectory {
    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** What the local cloud keeps in its data directory; {@code --fresh} wipes nothing else. */
    private static final Set<String> OWN_ENTRIES = Set.of("dynamodb", "sqs", "s3", "partners", "ssm-parameters.json",
            "ssm-parameters.json.tmp", "outbox.jsonl", "demo.json", ".seeded", "streams");

    static DataDirectory open(Path root, boolean fresh) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (fresh && Files.exists(absolute)) wipe(absolute);
        Files.createDirectories(absolute);
        return new DataDirectory(absolute);
    }

    Path root() {
        return root;
    }

    Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    Path queues() {
        return root.resolve("sqs");
    }

    Path buckets() {
        return root.resolve("s3");
    }

    Path partners() {
        return root.resolve("partners");
    }

    /** Where each stream event source keeps how far it got in each shard. */
    Path streams() {
        return root.resolve("streams");
    }

    Path parameters() {
        return root.resolve("ssm-parameters.json");
    }

    Path secrets() {
        return root.resolve("secrets-manager.json");
    }

    /** The KMS emulator's root key (32 random bytes), from which each key id's key is derived. */
    Path kmsRootKey() {
        return root.resolve("kms-root.key");
    }

    Path outbox() {
        return root.resolve("outbox.jsonl");
    }

    Path demoData() {
        return root.resolve("demo.json");
    }

    boolean seeded() {
        return Files.exists(root.resolve(".seeded"));
    }

    void markSeeded() throws IOException {
        Files.writeString(root.resolve(".seeded"), java.time.Instant.now().toString());
    }

    /** Deletes the data directory, refusing one that holds anything the local cloud did not put there. */
    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> foreign = entries.map(entry -> entry.getFileName().toString()).filter(name -> !OWN_ENTRIES.contains(name)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("Not wiping " + directory + " for --fresh: it holds " + foreign + ", which the local cloud did not create");
            }
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
                Files.delete(visited);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
