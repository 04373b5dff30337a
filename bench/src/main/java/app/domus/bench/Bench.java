package app.domus.bench;

import app.domus.bench.ColdStart.Mode;
import app.domus.bench.ColdStart.Row;
import app.domus.bench.ColdStart.Target;
import app.domus.local.LocalCloud;
import app.domus.local.LocalCloudOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark suite of issue 8: one command, bounded time, one Markdown table ({@code bench/results.md}, also printed).
 * Run from the repository root (what {@code bench/run} does). Options: {@code --help}.
 */
public final class Bench {
    static final String USAGE = """
            bench/run [--quick] [options]       (from the repository root; see bench/README.md)
              --quick                 about 2 minutes: 2 functions, 3 runs a mode, 2 short load rounds, short JMH
              --runs N                cold starts per function and mode (each with its hello-world run); default 7, quick 3
              --functions A,B         logical ids to cold-start (default: one function per context; quick: GetBuilding, ReportFault)
              --modes plain,appcds,aot  cold-start modes (default all three)
              --http-seconds S        seconds per side and round of the HTTP load; default 8, quick 3
              --http-rounds R         alternated rounds of the HTTP load; default 3, quick 2
              --connections C         concurrent connections of the HTTP load; default 50
              --skip cold,http,warm,meters,messages,search,revocation  leave figures out (sizes and the local cloud are always measured)
              --budget-minutes M      stop starting new cold-start runs after M minutes; default 8, quick 1.5
              --out FILE              where the table goes; default bench/results.md
            """;

    /** One function per context; the first two are the issue's read and write. */
    static final List<Target> ALL_TARGETS = List.of(
            new Target("GetBuildingFunction", "tenancy", "/buildings/{buildingId}", "GET", "/buildings/${buildingId}",
                    Map.of("buildingId", "${buildingId}"), null, "manager", 200),
            new Target("ReportFaultFunction", "faults", "/faults", "POST", "/faults", Map.of(),
                    "{\"title\":\"Dripping tap in the kitchen\",\"description\":\"The cold tap drips all night.\",\"category\":\"plumbing\","
                            + "\"buildingId\":\"${buildingId}\",\"unitId\":\"${unit.1A}\"}", "owner", 201),
            new Target("MeFunction", "identity", "/auth/me", "GET", "/auth/me", Map.of(), null, "owner", 200),
            new Target("ListDelegationsFunction", "delegations", "/delegations", "GET", "/delegations", Map.of(), null, "owner", 200),
            new Target("ListVotesFunction", "votes", "/buildings/{buildingId}/votes", "GET", "/buildings/${buildingId}/votes",
                    Map.of("buildingId", "${buildingId}"), null, "manager", 200),
            new Target("GetNotificationPreferencesFunction", "notifications", "/me/notification-preferences", "GET",
                    "/me/notification-preferences", Map.of(), null, "owner", 200),
            new Target("HealthFunction", "platform", "/health", "GET", "/health", Map.of(), null, null, 200));

    record Options(boolean quick, int runs, List<String> functions, List<Mode> modes, int httpSeconds, int httpRounds,
                   int connections, List<String> skip, double budgetMinutes, Path out) {
        static Options parse(String[] args) {
            List<String> list = Arrays.asList(args);
            boolean quick = list.contains("--quick");
            Options o = new Options(quick, quick ? 3 : 7,
                    quick ? List.of("GetBuildingFunction", "ReportFaultFunction") : ALL_TARGETS.stream().map(Target::logicalId).toList(),
                    List.of(Mode.values()), quick ? 3 : 8, quick ? 2 : 3, 50, List.of(), quick ? 1.5 : 8, Path.of("bench/results.md"));
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--runs" -> { o = o.with(1, Integer.parseInt(value)); i++; }
                    case "--functions" -> { o = o.with(2, List.of(value.split(","))); i++; }
                    case "--modes" -> { o = o.with(3, Stream.of(value.split(",")).map(Options::mode).toList()); i++; }
                    case "--http-seconds" -> { o = o.with(4, Integer.parseInt(value)); i++; }
                    case "--http-rounds" -> { o = o.with(5, Integer.parseInt(value)); i++; }
                    case "--connections" -> { o = o.with(6, Integer.parseInt(value)); i++; }
                    case "--skip" -> { o = o.with(7, List.of(value.split(","))); i++; }
                    case "--budget-minutes" -> { o = o.with(8, Double.parseDouble(value)); i++; }
                    case "--out" -> { o = o.with(9, Path.of(value)); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }

        private static Mode mode(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "plain" -> Mode.PLAIN;
                case "appcds", "cds" -> Mode.APPCDS;
                case "aot" -> Mode.AOT;
                default -> throw new IllegalArgumentException("unknown mode " + name);
            };
        }

        @SuppressWarnings("unchecked")
        private Options with(int field, Object value) {
            return new Options(quick, field == 1 ? (Integer) value : runs, field == 2 ? (List<String>) value : functions,
                    field == 3 ? (List<Mode>) value : modes, field == 4 ? (Integer) value : httpSeconds, field == 5 ? (Integer) value : httpRounds,
                    field == 6 ? (Integer) value : connections, field == 7 ? (List<String>) value : skip,
                    field == 8 ? (Double) value : budgetMinutes, field == 9 ? (Path) value : out);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        Path work = Path.of("bench/target/work").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        // The local cloud's own log (and the in-process functions' log lines under load) go to a file, not the table.
        System.setProperty("bench.log.file", work.resolve("local-cloud.log").toString());
        if (System.getProperty("log4j2.configurationFile") == null) System.setProperty("log4j2.configurationFile", "bench-log4j2.xml");

        // What the local cloud prints itself (the outbox's "[outbox] email to ..." lines) goes to a file too.
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(Files.newOutputStream(work.resolve("local-cloud.out")), true));
        Log log = new Log();
        Report report = new Report(options);
        long deadline = System.nanoTime() + (long) (options.budgetMinutes() * 60e9);

        report.sizes(zips());

        log.info("starting the local cloud (fresh data directory, demo estate seeded)");
        long rssBefore = Memory.rssKb();
        long startNanos = System.nanoTime();
        LocalCloudOptions cloudOptions = LocalCloudOptions.forTests(Path.of("template.yaml"), work.resolve("data")).withFresh(true);
        try (LocalCloud cloud = LocalCloud.start(cloudOptions)) {
            double startMs = (System.nanoTime() - startNanos) / 1e6;
            long rssAtRest = Memory.rssKb();
            log.info(String.format(Locale.ROOT, "local cloud up in %.0f ms (its own figure %d ms), RSS %d MB", startMs,
                    cloud.startupTime().toMillis(), rssAtRest / 1024));
            Map<String, String> ids = cloud.demoData().ids();
            report.localCloud(startMs, cloud.startupTime().toMillis(), rssBefore, rssAtRest);

            if (!options.skip().contains("cold")) {
                ColdStart cold = new ColdStart(cloud, work.resolve("cold"), log);
                List<Row> rows = new ArrayList<>();
                for (String id : options.functions()) {
                    Target target = ALL_TARGETS.stream().filter(t -> t.logicalId().equals(id)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no cold-start target " + id + "; known: "
                                    + ALL_TARGETS.stream().map(Target::logicalId).toList()));
                    if (!cold.knows(id)) {
                        rows.add(Row.unavailable(target, Mode.PLAIN, "n/a: not in template.yaml"));
                        continue;
                    }
                    rows.addAll(cold.measure(resolve(target, ids), options.modes(), options.runs(), deadline));
                }
                report.coldStarts(rows, cold.cracAvailability(), classesAtRoot(), cold.javaToolOptions());
            }

            long rssBeforeLoad = Memory.rssKb();
            if (!options.skip().contains("http")) {
                log.info("HTTP load: " + options.connections() + " connections, " + options.httpRounds() + " rounds of "
                        + options.httpSeconds() + " s a side");
                String token = cloud.tokenFor(cloud.demoData().account("manager").orElseThrow());
                URI health = URI.create(cloud.endpoints().httpUrl() + "/health");
                URI building = URI.create(cloud.endpoints().httpUrl() + "/buildings/" + ids.get("buildingId"));
                HttpLoad load = new HttpLoad(options.connections());
                Duration warmUp = Duration.ofSeconds(options.quick() ? 1 : 2);
                load.run("warm-up health", health, null, warmUp);
                load.run("warm-up building", building, token, warmUp);
                List<HttpLoad.Result> healthResults = new ArrayList<>();
                List<HttpLoad.Result> buildingResults = new ArrayList<>();
                Duration side = Duration.ofSeconds(options.httpSeconds());
                for (int round = 0; round < options.httpRounds(); round++) {
                    if (round % 2 == 0) {
                        healthResults.add(load.run("GET /health", health, null, side));
                        buildingResults.add(load.run("GET /buildings/{id}", building, token, side));
                    } else {
                        buildingResults.add(load.run("GET /buildings/{id}", building, token, side));
                        healthResults.add(load.run("GET /health", health, null, side));
                    }
                    log.info(String.format(Locale.ROOT, "round %d: health p99 %.1f ms %.0f/s, building p99 %.1f ms %.0f/s", round + 1,
                            healthResults.getLast().p99Ms(), healthResults.getLast().requestsPerSecond(),
                            buildingResults.getLast().p99Ms(), buildingResults.getLast().requestsPerSecond()));
                }
                report.httpLoad(healthResults, buildingResults, options.connections());
            }
            long rssAfterLoad = Memory.rssKb();
            report.localCloudMemory(rssBeforeLoad, rssAfterLoad);

            if (!options.skip().contains("meters")) {
                MeterIngestion meters = new MeterIngestion(cloud, log);
                MeterIngestion.Result result = meters.run(options.quick() ? 10 : 40, Duration.ofSeconds(options.quick() ? 10 : 20), Duration.ofSeconds(90));
                log.info(String.format(Locale.ROOT, "meters: %d of %d stored, %.0f readings/s (raw %.0f/s), p99 delay %.0f ms", result.stored(),
                        result.published(), result.readingsPerSecond(), result.rawOnePerSecond(), result.p99DelayMs()));
                report.meters(result);
            }

            if (!options.skip().contains("messages")) {
                MessagingLoad messaging = new MessagingLoad(cloud, log);
                Duration side = Duration.ofSeconds(options.quick() ? 10 : 20);
                // A: more than the path carries, for its capacity; B: half of that, for the delay of a message that does not queue.
                MessagingLoad.Result saturated = messaging.run(100, options.quick() ? 10 : 20, side, Duration.ofSeconds(60));
                MessagingLoad.Result paced = messaging.run(100, Math.max(1, Math.floor(saturated.postedPerSecond() / 2)), side, Duration.ofSeconds(60));
                log.info(String.format(Locale.ROOT, "messages: %.1f messages/s, %.0f deliveries/s to %d clients; at %.0f/s p99 delay %.0f ms",
                        saturated.postedPerSecond(), saturated.deliveriesPerSecond(), saturated.clients(), paced.ratePerSecond(), paced.p99DelayMs()));
                report.messages(saturated, paced);
            }

            if (!options.skip().contains("search")) {
                ListingSearchLoad search = new ListingSearchLoad(cloud, log);
                report.search(search.run(options.quick() ? 20_000 : 100_000, options.connections(),
                        Duration.ofSeconds(options.httpSeconds()), options.httpRounds()));
            }

            if (!options.skip().contains("revocation")) {
                RevocationLoad revocation = new RevocationLoad(cloud, log);
                report.revocation(revocation.run(options.connections(), Duration.ofSeconds(options.httpSeconds()), options.httpRounds(),
                        options.quick() ? 10 : 30, options.quick() ? 3 : 5));
            }

            if (!options.skip().contains("warm")) {
                log.info("warm cost (JMH, forked JVM)");
                Target getBuilding = resolve(ALL_TARGETS.getFirst(), ids);
                report.warm(WarmCost.run(cloud, getBuilding, work.resolve("warm"), options.quick(), log));
            }
        }
        report.took(log.elapsedSeconds());
        String markdown = report.markdown();
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), markdown);
        System.setOut(console);
        System.out.println(markdown);
        log.info("wrote " + options.out());
        System.exit(0);
    }

    /** The target with the demo estate's ids in its path and body. */
    private static Target resolve(Target target, Map<String, String> ids) {
        Map<String, String> parameters = new LinkedHashMap<>();
        target.pathParameters().forEach((key, value) -> parameters.put(key, substitute(value, ids)));
        return new Target(target.logicalId(), target.context(), target.route(), target.method(), substitute(target.path(), ids),
                parameters, target.body() == null ? null : substitute(target.body(), ids), target.account(), target.expectedStatus());
    }

    private static String substitute(String text, Map<String, String> ids) {
        String result = text;
        for (Map.Entry<String, String> id : ids.entrySet()) result = result.replace("${" + id.getKey() + "}", id.getValue());
        if (result.contains("${")) throw new IllegalStateException("no demo id for " + result);
        return result;
    }

    static List<Path> zips() throws IOException {
        List<Path> zips = new ArrayList<>();
        try (Stream<Path> contexts = Files.list(Path.of("functions"))) {
            for (Path context : contexts.sorted().toList()) {
                Path target = context.resolve("target");
                if (!Files.isDirectory(target)) continue;
                // A context may build more than one zip (faults: its functions' and the triage function's).
                try (Stream<Path> files = Files.list(target)) {
                    files.filter(f -> f.getFileName().toString().endsWith("-lambda.zip")).sorted().forEach(zips::add);
                }
            }
        }
        return zips;
    }

    private static boolean classesAtRoot() throws IOException {
        for (Path zip : zips()) if (ColdStart.classesAtRoot(zip)) return true;
        return false;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
