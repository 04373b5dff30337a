package app.domus.bench;

import app.domus.local.testing.KillDrill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The long {@code kill -9} drill of issue 17 ({@link KillDrill}): a few hundred fault reports a second for a minute
 * against the local cloud in a child process, SIGKILL, restart on the same data, and the figures (writes acknowledged
 * against found, events expected against delivered once, duplicates) appended to {@code bench/kill-nine.md}.
 * {@code bench/kill-nine [--seconds 60] [--rate 300] [--threads 32] [--catch-up-seconds 300]}, from the repository root.
 */
public final class KillNine {
    private KillNine() {}

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        int rate = 300;
        int threads = 32;
        int catchUp = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--seconds" -> seconds = value;
                case "--rate" -> rate = value;
                case "--threads" -> threads = value;
                case "--catch-up-seconds" -> catchUp = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path work = Path.of("bench", "target", "work", "kill-nine");
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(work);
        KillDrill.Figures figures = new KillDrill(Path.of("template.yaml").toAbsolutePath(), work,
                new KillDrill.Settings(threads, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(catchUp))).run();
        String report = "## " + Instant.now() + ": " + rate + " writes/s asked, " + threads + " threads, " + seconds + " s, then kill -9\n\n```\n"
                + figures.summary() + "\n```\n\n";
        System.out.print(report);
        Files.writeString(Path.of("bench", "kill-nine.md"), report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        boolean lost = !figures.missingFaults().isEmpty() || !figures.undelivered().isEmpty() || figures.duplicatedEmails() > 0;
        System.exit(lost ? 1 : 0);
    }
}
