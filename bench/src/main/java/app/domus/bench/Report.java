package app.domus.bench;

import app.domus.bench.ColdStart.Mode;
import app.domus.bench.ColdStart.Row;
import app.domus.bench.ColdStart.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Collects the figures and writes them as Markdown. */
final class Report {
    private static final double TARGET_MB = 20;
    private final Bench.Options options;
    private final String started = Bench.now();
    private final StringBuilder cold = new StringBuilder();
    private final StringBuilder sizes = new StringBuilder();
    private final StringBuilder local = new StringBuilder();
    private final StringBuilder http = new StringBuilder();
    private final StringBuilder warm = new StringBuilder();
    private final StringBuilder meters = new StringBuilder();
    private final StringBuilder messages = new StringBuilder();
    private final StringBuilder search = new StringBuilder();
    private final StringBuilder revocation = new StringBuilder();
    private double tookSeconds;
    private long rssAtRestKb;

    Report(Bench.Options options) {
        this.options = options;
    }

    void sizes(List<Path> zips) throws IOException {
        sizes.append("| zip | layout | MB | ÷ 20 MB target |\n|---|---|--:|--:|\n");
        for (Path zip : zips) {
            double mb = Files.size(zip) / 1e6;
            sizes.append("| `").append(zip).append("` | ").append(ColdStart.classesAtRoot(zip) ? "classes at the root" : "jars in lib/ only")
                    .append(" | ").append(Stats.number(mb, 1)).append(" | ").append(Stats.number(mb / TARGET_MB, 2)).append("× |\n");
        }
        if (zips.isEmpty()) sizes.append("| (no zip built: run `./mvnw install -DskipTests`) | | | |\n");
    }

    void localCloud(double startMs, long ownStartMs, long rssBeforeKb, long rssAtRestKb) {
        this.rssAtRestKb = rssAtRestKb;
        local.append("| figure | value | ratio |\n|---|--:|--:|\n");
        local.append("| start: `LocalCloud.start` on a fresh data directory, demo estate seeded (wall time in the harness) | ")
                .append(Stats.number(startMs, 0)).append(" ms | – |\n");
        local.append("| start as the local cloud reports it (`startupTime()`) | ").append(ownStartMs).append(" ms | – |\n");
        local.append("| RSS of the harness JVM before the start | ").append(mb(rssBeforeKb)).append(" | – |\n");
        local.append("| RSS at rest, right after the start | ").append(mb(rssAtRestKb)).append(" | 1.00× |\n");
    }

    void localCloudMemory(long beforeLoadKb, long afterLoadKb) {
        local.append("| RSS after the cold starts (figure 1), before the HTTP load | ").append(mb(beforeLoadKb)).append(" | ")
                .append(ratio(beforeLoadKb, rssAtRestKb)).append(" |\n");
        local.append("| RSS after the HTTP load (figure 3) | ").append(mb(afterLoadKb)).append(" | ").append(ratio(afterLoadKb, rssAtRestKb)).append(" |\n");
        local.append("| peak RSS of the harness JVM (VmHWM) | ").append(mb(Memory.peakRssKb())).append(" | ")
                .append(ratio(Memory.peakRssKb(), rssAtRestKb)).append(" |\n");
    }

    private static String ratio(long value, long base) {
        return value < 0 || base <= 0 ? "–" : Stats.number((double) value / base, 2) + "×";
    }

    private static String mb(long kb) {
        return kb < 0 ? "–" : Stats.number(kb / 1024.0, 0) + " MB";
    }

    void coldStarts(List<Row> rows, String crac, boolean classesAtRoot, String javaToolOptions) {
        String flags = "Every JVM (function and hello world) gets the template's `JAVA_TOOL_OPTIONS` (Globals): `" + javaToolOptions
                + "`; AppCDS adds `-XX:SharedArchiveFile=`, the AOT cache `-XX:AOTCache=` (each trained by one run of the same request"
                + " beforehand). \"JVM start → main\" is from the spawn to the probe's main; construction is loading and constructing"
                + " the handler (static state, Dagger graph, clients, schemas); first invocation is deserialising the event, handling it"
                + " and serialising the response; \"→ first response\" is their sum, \"→ exit\" the process's whole life. The hello world takes the same API Gateway event as an `APIGatewayV2HTTPEvent`, which the"
                + " probe deserialises with `aws-lambda-java-serialization` as Lambda's runtime does (most of its time); the bare hello is a"
                + " `RequestStreamHandler` that deserialises nothing (the JVM, the classpath and the probe only). ";
        cold.append("| function | mode | runs | JVM start → main | construction | first invocation | **→ first response** | → exit | hello world → response | **÷ hello world** | bare hello → response | ÷ bare hello |\n");
        cold.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        String last = null;
        for (Row row : rows) {
            String function = row.target().label();
            String name = function.equals(last) ? "" : function;
            last = function;
            if (row.unavailable() != null) {
                cold.append("| ").append(name).append(" | ").append(row.mode().label).append(" | 0 | ").append(row.unavailable()).append(" | | | | | | | | |\n");
                continue;
            }
            List<Run> fn = row.function();
            cold.append("| ").append(name).append(" | ").append(row.mode().label).append(" | ").append(fn.size())
                    .append(" | ").append(stats(fn, Run::toMainMs).format(0))
                    .append(" | ").append(stats(fn, Run::constructMs).format(0))
                    .append(" | ").append(stats(fn, Run::invokeMs).format(0))
                    .append(" | **").append(stats(fn, Run::totalMs).format(0)).append("**")
                    .append(" | ").append(stats(fn, Run::exitMs).format(0))
                    .append(" | ").append(stats(row.hello(), Run::totalMs).format(0))
                    .append(" | **").append(Stats.of(row.ratios()).format(1)).append("×**")
                    .append(" | ").append(stats(row.bare(), Run::totalMs).format(0))
                    .append(" | ").append(Stats.of(row.bareRatios()).format(1)).append("× |\n");
            if (row.note() != null) cold.append("| | ↳ ").append(row.note()).append(" | | | | | | | | | | |\n");
        }
        cold.append("| (every function) | CRaC checkpoint/restore | 0 | ").append(crac).append(" | | | | | | | | |\n");
        cold.append("\nTimes in ms, median (min–max). ").append(flags);
        cold.append("Zip layout: ").append(classesAtRoot
                ? "classes at the zip's root (the unpacked directory is on the classpath)."
                : "the module's classes as a jar in `lib/` (the classpath is jars only).").append('\n');
        memory(rows);
    }

    /**
     * Peak resident memory of each function's JVM through its first response (plain mode, the template's flags): what its
     * MemorySize must hold with room for a warm heap; the template's MemorySize settings are chosen from this table.
     */
    private void memory(List<Row> rows) {
        cold.append("\n**Memory of a cold start**: peak RSS (VmHWM) of the function's JVM at its first response, plain mode, MB, median (min–max); the hello world's for comparison.\n\n");
        cold.append("| function | peak RSS | hello world peak RSS |\n|---|--:|--:|\n");
        for (Row row : rows) {
            if (row.unavailable() != null || !row.mode().label.equals("plain")) continue;
            cold.append("| ").append(row.target().label()).append(" | ").append(stats(row.function(), Run::peakRssMb).format(0))
                    .append(" | ").append(stats(row.hello(), Run::peakRssMb).format(0)).append(" |\n");
        }
    }

    private static Stats stats(List<Run> runs, ToDoubleFunction<Run> figure) {
        List<Double> values = new ArrayList<>();
        for (Run run : runs) values.add(figure.applyAsDouble(run));
        return Stats.of(values);
    }

    void httpLoad(List<HttpLoad.Result> health, List<HttpLoad.Result> building, int connections) {
        http.append("| request | rounds | p50 ms | p99 ms | requests/s | errors |\n|---|--:|--:|--:|--:|--:|\n");
        row(http, "`GET /health` (baseline)", health);
        row(http, "`GET /buildings/{id}` as the demo manager", building);
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), rps = new ArrayList<>();
        for (int i = 0; i < Math.min(health.size(), building.size()); i++) {
            p50.add(building.get(i).p50Ms() / health.get(i).p50Ms());
            p99.add(building.get(i).p99Ms() / health.get(i).p99Ms());
            rps.add(building.get(i).requestsPerSecond() / health.get(i).requestsPerSecond());
        }
        http.append("| **÷ health** (per round) | ").append(p50.size()).append(" | **").append(Stats.of(p50).format(2)).append("×** | **")
                .append(Stats.of(p99).format(2)).append("×** | **").append(Stats.of(rps).format(2)).append("×** | |\n");
        String firstError = firstError(health, building);
        http.append("\n").append(connections).append(" concurrent connections (virtual threads, `java.net.http`, HTTP/1.1, loopback), ")
                .append(options.httpSeconds()).append(" s per side and round, the sides alternated (A B, B A, …) after a warm-up of each.");
        if (firstError != null) http.append(" First error: `").append(firstError).append("`.");
        http.append('\n');
    }

    private static String firstError(List<HttpLoad.Result> a, List<HttpLoad.Result> b) {
        for (List<HttpLoad.Result> list : List.of(a, b)) for (HttpLoad.Result r : list) if (r.firstError() != null) return r.firstError();
        return null;
    }

    private static void row(StringBuilder out, String name, List<HttpLoad.Result> results) {
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), rps = new ArrayList<>();
        long errors = 0;
        for (HttpLoad.Result r : results) {
            p50.add(r.p50Ms());
            p99.add(r.p99Ms());
            rps.add(r.requestsPerSecond());
            errors += r.errors();
        }
        out.append("| ").append(name).append(" | ").append(results.size()).append(" | ").append(Stats.of(p50).format(1))
                .append(" | ").append(Stats.of(p99).format(1)).append(" | ").append(Stats.of(rps).format(0)).append(" | ").append(errors).append(" |\n");
    }

    void revocation(RevocationLoad.Result r) {
        revocation.append("| request | rounds | p50 ms | p99 ms | requests/s | errors |\n|---|--:|--:|--:|--:|--:|\n");
        row(revocation, "`GET /buildings/{id}`, sessionless token (baseline)", r.sessionless());
        row(revocation, "`GET /buildings/{id}`, signed-in token (session checked)", r.signedIn());
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), rps = new ArrayList<>();
        for (int i = 0; i < Math.min(r.sessionless().size(), r.signedIn().size()); i++) {
            p50.add(r.signedIn().get(i).p50Ms() / r.sessionless().get(i).p50Ms());
            p99.add(r.signedIn().get(i).p99Ms() / r.sessionless().get(i).p99Ms());
            rps.add(r.signedIn().get(i).requestsPerSecond() / r.sessionless().get(i).requestsPerSecond());
        }
        revocation.append("| **÷ sessionless** (per round) | ").append(p50.size()).append(" | **").append(Stats.of(p50).format(2)).append("×** | **")
                .append(Stats.of(p99).format(2)).append("×** | **").append(Stats.of(rps).format(2)).append("×** | |\n");
        String firstError = firstError(r.sessionless(), r.signedIn());
        revocation.append("\n").append(r.connections()).append(" connections, ").append(options.httpSeconds())
                .append(" s per side and round, alternated; the session check's cache is warm (one GetItem per session and ")
                .append(r.sessionCheckSeconds()).append(" s).");
        if (firstError != null) revocation.append(" First error: `").append(firstError).append("`.");
        revocation.append("\n\n| one connection | n | ms | ÷ sessionless |\n|---|--:|--:|--:|\n");
        List<Double> first = new ArrayList<>(), plain = new ArrayList<>(), ratio = new ArrayList<>();
        for (int i = 0; i < r.firstRequestNanos().length; i++) {
            first.add(r.firstRequestNanos()[i] / 1e6);
            plain.add(r.sessionlessNanos()[i] / 1e6);
            ratio.add((double) r.firstRequestNanos()[i] / r.sessionlessNanos()[i]);
        }
        revocation.append("| sessionless token (baseline) | ").append(plain.size()).append(" | ").append(Stats.of(plain).format(1)).append(" | |\n");
        revocation.append("| first request of a fresh session (the guard reads its item) | ").append(first.size()).append(" | ")
                .append(Stats.of(first).format(1)).append(" | **").append(Stats.of(ratio).format(2)).append("×** |\n");
        List<Double> delays = new ArrayList<>();
        for (long d : r.logoutToRefusalMillis()) delays.add((double) d);
        revocation.append("\nLogout → the old token's first 401 (its check cached just before, sent every 50 ms): **")
                .append(Stats.of(delays).format(0)).append(" ms** over ").append(delays.size()).append(" logouts; the bound is ")
                .append(r.sessionCheckSeconds()).append(" s (`SessionCheckSeconds`), against the token's 15 minutes before.\n");
    }

    void warm(String table) {
        warm.append(table);
    }

    void meters(MeterIngestion.Result r) {
        meters.append("| figure | value | ÷ raw BatchWriteItem, 1 item a reading | ÷ raw, 3 items a reading |\n|---|--:|--:|--:|\n");
        meters.append("| readings published over MQTT (").append(r.devices()).append(" devices, QoS 1, ").append(Stats.number(r.publishSeconds(), 1))
                .append(" s) | ").append(r.published()).append(" | | |\n");
        meters.append("| readings stored | ").append(r.stored()).append(" | | |\n");
        meters.append("| **sustained readings/s at saturation**, first publish → last stored | **").append(Stats.number(r.readingsPerSecond(), 0)).append("** | **")
                .append(Stats.number(r.readingsPerSecond() / r.rawOnePerSecond(), 2)).append("×** | **")
                .append(Stats.number(r.readingsPerSecond() / r.rawThreePerSecond(), 2)).append("×** |\n");
        meters.append("| raw BatchWriteItem on the same DynamoDB Local, readings/s (2 writers) | | ").append(Stats.number(r.rawOnePerSecond(), 0))
                .append(" | ").append(Stats.number(r.rawThreePerSecond(), 0)).append(" |\n");
        meters.append("| delay publish → checked and written at half the saturation rate, p50 / p99 / max (ms) | ").append(Stats.number(r.p50DelayMs(), 0)).append(" / ")
                .append(Stats.number(r.p99DelayMs(), 0)).append(" / ").append(Stats.number(r.maxDelayMs(), 0)).append(" | | |\n");
        if (!r.note().isEmpty()) meters.append("\n").append(r.note()).append("\n");
        meters.append("\nDevices publish as fast as the broker takes their QoS 1 messages, each its own stream of readings 15 minutes apart")
                .append(" (from 300 days back); the IoT rule sends each to `MeterReadingsQueue`, whose function takes batches of up to 100")
                .append(" (window 2 s) and writes each reading, its event and its meter's state. Raw BatchWriteItem writes ≈ 400-byte items")
                .append(" in batches of 25 from two threads, the same number of readings, into the same table on the same DynamoDB Local.\n");
    }

    void messages(MessagingLoad.Result saturated, MessagingLoad.Result paced) {
        messages.append("| figure | offered ").append(Stats.number(saturated.ratePerSecond(), 0)).append(" messages/s (capacity) | offered ")
                .append(Stats.number(paced.ratePerSecond(), 0)).append("/s (half of it: delay) | ÷ raw `@connections` posts |\n|---|--:|--:|--:|\n");
        messages.append("| WebSocket clients connected (devices of ").append(saturated.participants()).append(" participants) | ")
                .append(saturated.clients()).append(" | ").append(paced.clients()).append(" | |\n");
        messages.append("| messages posted (`POST /conversations/{id}/messages`) | ").append(posted(saturated)).append(" | ").append(posted(paced)).append(" | |\n");
        messages.append("| deliveries received / expected | ").append(saturated.delivered()).append(" / ").append(saturated.expected()).append(" | ")
                .append(paced.delivered()).append(" / ").append(paced.expected()).append(" | |\n");
        messages.append("| **messages/s delivered end to end to every client**, first post → last delivery | **")
                .append(Stats.number(saturated.postedPerSecond(), 1)).append("** | ").append(Stats.number(paced.postedPerSecond(), 1)).append(" | |\n");
        messages.append("| **deliveries/s** (messages × clients) | **").append(Stats.number(saturated.deliveriesPerSecond(), 0)).append("** | ")
                .append(Stats.number(paced.deliveriesPerSecond(), 0)).append(" | **")
                .append(Stats.number(saturated.deliveriesPerSecond() / saturated.rawDeliveriesPerSecond(), 2)).append("×** (raw ")
                .append(Stats.number(saturated.rawDeliveriesPerSecond(), 0)).append("/s) |\n");
        messages.append("| **delay POST sent → message on the socket, p50 / p99 / max (ms)** | ").append(delays(saturated)).append(" | **")
                .append(delays(paced)).append("** | raw p99 ").append(Stats.number(paced.rawP99DelayMs(), 0)).append(" ms |\n");
        messages.append("\n").append(saturated.note()).append(" ").append(paced.note()).append("\n");
        messages.append("\nThe path of each message: the request's transaction → the table's stream → the outbox relay → SNS →")
                .append(" `MessageDeliveryQueue` → `MessageDeliveryFunction` (one live update per participant) → `LiveUpdatesQueue` →")
                .append(" `LiveUpdateFunction` (one `@connections` post per device, 16 at once) → the local gateway → the socket. The raw baseline posts the")
                .append(" same number of messages from 4 threads straight to the same connections through the local `@connections` API.")
                .append(" Everything (the local cloud, its functions, DynamoDB Local, the 100 clients) shares the machine's cores.\n");
    }

    void search(ListingSearchLoad.Result r) {
        double health = Stats.of(r.health().stream().map(HttpLoad.Result::p99Ms).toList()).median();
        search.append("| ").append(r.connections()).append(" connections (then 1), ").append(r.health().size())
                .append(" alternated rounds | p50 (ms) | **p99 (ms)** | **p99 ÷ health p99** | requests/s | errors |\n|---|--:|--:|--:|--:|--:|\n");
        searchRow("`GET /health`", r.health(), health);
        searchRow("search, **cached** (3 fixed queries: a city, a district with rooms, 2 km around a point)", r.cached(), health);
        searchRow("search, **uncached** (every query new: a random price ceiling over a city, a district or 2 km around a point)", r.uncached(), health);
        double healthAlone = Stats.of(r.healthAlone().stream().map(HttpLoad.Result::p99Ms).toList()).median();
        searchRow("`GET /health`, 1 connection", r.healthAlone(), healthAlone);
        searchRow("search, **uncached**, 1 connection (÷ `GET /health` at 1 connection)", r.uncachedAlone(), healthAlone);
        search.append("\n").append(String.format(java.util.Locale.ROOT, "%,d published listings seeded as %,d search entries (city, district and", r.listings(), r.entries()))
                .append(" geohash-cell scopes, written with the listings context's own item classes) in ").append(Stats.number(r.seedSeconds(), 0))
                .append(" s, over 20 cities of 5 districts. Medians of the rounds' p99s; the ratio divides by `GET /health`'s median p99 of the same rounds.")
                .append(" An uncached search reads its scope's entries (a city ≈ 5,000 of 100,000) in price order until a page is full, then writes the page to the cache.\n");
    }

    private void searchRow(String name, java.util.List<HttpLoad.Result> results, double healthP99) {
        double p50 = Stats.of(results.stream().map(HttpLoad.Result::p50Ms).toList()).median();
        double p99 = Stats.of(results.stream().map(HttpLoad.Result::p99Ms).toList()).median();
        double rate = Stats.of(results.stream().map(HttpLoad.Result::requestsPerSecond).toList()).median();
        long errors = results.stream().mapToLong(HttpLoad.Result::errors).sum();
        String firstError = results.stream().map(HttpLoad.Result::firstError).filter(java.util.Objects::nonNull).findFirst().orElse("");
        search.append("| ").append(name).append(" | ").append(Stats.number(p50, 1)).append(" | **").append(Stats.number(p99, 1)).append("** | **")
                .append(Stats.number(p99 / healthP99, 2)).append("×** | ").append(Stats.number(rate, 0)).append(" | ").append(errors)
                .append(errors > 0 ? " (" + firstError.replace("|", "/") + ")" : "").append(" |\n");
    }

    private static String posted(MessagingLoad.Result r) {
        return r.posted() + (r.refused() > 0 ? " (" + r.refused() + " refused)" : "");
    }

    private static String delays(MessagingLoad.Result r) {
        return Stats.number(r.p50DelayMs(), 0) + " / " + Stats.number(r.p99DelayMs(), 0) + " / " + Stats.number(r.maxDelayMs(), 0);
    }

    void took(double seconds) {
        this.tookSeconds = seconds;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Domus benchmarks: results\n\n");
        md.append("- when: ").append(started).append("\n");
        md.append("- machine: ").append(machine()).append("\n");
        md.append("- JDK running the bench and the cold starts: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.vendor.version", "")).append(' ').append(Runtime.version()).append("\n");
        md.append("- run: ").append(options.quick() ? "quick" : "full").append(", took ").append(Stats.number(tookSeconds, 0)).append(" s\n");
        md.append("\nEach figure is the median (min–max) of its runs. Each ratio is taken per alternated pair (or round) of the figure and")
                .append(" its baseline, measured in the same run, and given as median (min–max) of those ratios.\n");
        if (!cold.isEmpty()) md.append("\n## 1. Cold start: fresh JVM → first response, ÷ hello world\n\n").append(cold);
        md.append("\n## 2. Artifacts and the local cloud\n\n").append(sizes).append('\n').append(local)
                .append("\nThe local cloud runs inside the harness JVM (as `./domus-local` runs it, default heap), so its RSS is the harness")
                .append(" process's; the load generator of figure 3 runs in it too.\n");
        if (!http.isEmpty()) md.append("\n## 3. Local HTTP API through the gateway, ÷ `GET /health`\n\n").append(http);
        if (!warm.isEmpty()) md.append("\n## 4. Warm cost per invocation (JMH), ÷ the raw SDK calls\n\n").append(warm);
        if (!meters.isEmpty()) md.append("\n## 5. Smart-meter readings: MQTT → IoT rule → queue → ingestion → DynamoDB Local, ÷ raw BatchWriteItem\n\n").append(meters);
        if (!messages.isEmpty()) md.append("\n## 6. Messages to 100 WebSocket clients, end to end through the local cloud, ÷ raw `@connections` posts\n\n").append(messages);
        if (!search.isEmpty()) md.append("\n## 7. Listing search over the seeded listings, cached and uncached, ÷ `GET /health`\n\n").append(search);
        if (!revocation.isEmpty()) md.append("\n## 8. Revocation: a signed-in token's session check, ÷ a sessionless token\n\n").append(revocation);
        return md.toString();
    }

    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        long memory = -1;
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (nproc), %s, %s GB RAM, %s %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory < 0 ? "?" : Stats.number(memory / 1024.0 / 1024.0, 0), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
