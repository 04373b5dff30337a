package app.domus.bench;

import app.domus.bench.ColdStart.Target;
import app.domus.bench.warm.Exchanges;
import app.domus.bench.warm.WarmBenchmark;
import app.domus.bench.warm.Wiring;
import app.domus.local.LocalCloud;
import app.domus.local.runtime.FunctionDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Figure 4: records the DynamoDB exchanges of one warm {@code GET /buildings/{id}} against the local cloud, then runs
 * {@link WarmBenchmark} in JMH forks (the handler and the raw SDK calls alternated, one fork each per round) with the
 * template's JVM flags.
 */
final class WarmCost {
    private WarmCost() {}

    static String run(LocalCloud cloud, Target target, Path work, boolean quick, Log log) {
        try {
            return measure(cloud, target, work, quick, log);
        } catch (Exception | LinkageError e) {
            log.info("warm cost: n/a: " + e);
            return "n/a: " + e.toString().replace('\n', ' ') + "\n";
        }
    }

    @SuppressWarnings("unchecked")
    private static String measure(LocalCloud cloud, Target target, Path work, boolean quick, Log log) throws Exception {
        Files.createDirectories(work);
        FunctionDefinition function = cloud.deployment().functions().stream()
                .filter(f -> f.logicalId().equals(target.logicalId())).findFirst().orElseThrow();
        Map<String, String> environment = function.environment();
        String eventJson = ColdStart.event(cloud, target);

        // Record: the handler as its component wires it, on a recording client in front of DynamoDB Local.
        Exchanges.Recorder recorder = new Exchanges.Recorder(UrlConnectionHttpClient.create());
        Object handler = Wiring.getBuildingHandler(Wiring.dynamoDb(recorder, cloud.endpoints().dynamoDbUrl()), environment);
        byte[] event = eventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var output = new java.io.ByteArrayOutputStream();
        byte[] first = Wiring.withEnvironment(environment, () -> Wiring.invoke(handler, event, output, null));
        int afterFirst = recorder.recorded().size();
        byte[] second = Wiring.withEnvironment(environment, () -> Wiring.invoke(handler, event, output, null));
        if (Wiring.statusCode(first) != 200 || Wiring.statusCode(second) != 200) {
            return "n/a: the handler answered " + new String(second, java.nio.charset.StandardCharsets.UTF_8) + " while recording\n";
        }
        List<Exchanges.Exchange> exchanges = recorder.recorded().subList(afterFirst, recorder.recorded().size());
        Exchanges.save(exchanges, work.resolve("exchanges.json"));
        Exchanges.JSON.writeValue(work.resolve("environment.json").toFile(), environment);
        Files.writeString(work.resolve("event.json"), eventJson);
        String calls = String.join(" + ", exchanges.stream().map(e -> e.target().substring(e.target().indexOf('.') + 1)).toList());
        log.info("warm cost: the handler makes " + exchanges.size() + " DynamoDB call(s): " + calls);

        String javaToolOptions = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        // The forks run on the function's own classpath (its unzipped package, as for the cold starts), plus the benchmark
        // and JMH: the bench's classpath also holds the local cloud's Log4j and Powertools' Log4j module, which a deployed
        // function does not have and which would cost every invocation. JMH forks with the host's java.class.path.
        String hostClasspath = System.getProperty("java.class.path");
        String forkClasspath = functionClasspath(work.getParent().resolve("cold/functions/" + target.context() + "-lambda"), hostClasspath);
        System.setProperty("java.class.path", forkClasspath);
        log.info("warm cost: forks on " + (forkClasspath.equals(hostClasspath) ? "the bench's classpath (no unzipped package found)" : "the function's package"));
        int rounds = quick ? 1 : 2;
        int warmups = quick ? 2 : 3;
        int iterations = quick ? 3 : 5;
        List<Statistics> handlerStats = new ArrayList<>(), rawStats = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of("handler", "rawSdk") : List.of("rawSdk", "handler");
            for (String benchmark : order) {
                List<String> jvmArgs = new ArrayList<>(Arrays.asList(javaToolOptions.trim().split("\\s+")));
                jvmArgs.removeIf(String::isBlank);
                jvmArgs.add("-Dbench.warm.dir=" + work);
                // e.g. -Dbench.warm.jvmArgs=-XX:StartFlightRecording=filename=/tmp/{benchmark}.jfr to profile a fork.
                String extra = System.getProperty("bench.warm.jvmArgs", "").replace("{benchmark}", benchmark + "-" + round);
                for (String arg : extra.trim().split("\\s+")) if (!arg.isBlank()) jvmArgs.add(arg);
                var options = new OptionsBuilder()
                        .include(WarmBenchmark.class.getName() + "\\." + benchmark + "$")
                        .forks(1).warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                        .timeUnit(TimeUnit.MICROSECONDS).jvmArgsAppend(jvmArgs.toArray(String[]::new))
                        .shouldFailOnError(true).verbosity(VerboseMode.SILENT)
                        .output(work.resolve("jmh-" + benchmark + "-" + round + ".log").toString())
                        .build();
                RunResult result = new Runner(options).runSingle();
                Statistics statistics = result.getPrimaryResult().getStatistics();
                (benchmark.equals("handler") ? handlerStats : rawStats).add(statistics);
                log.info(String.format(Locale.ROOT, "warm cost: %s %.1f µs/op", benchmark, statistics.getPercentile(50)));
            }
        }

        System.setProperty("java.class.path", hostClasspath);
        StringBuilder table = new StringBuilder();
        table.append("| benchmark | µs per invocation | invocations measured | **÷ raw SDK** |\n|---|--:|--:|--:|\n");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) ratios.add(handlerStats.get(i).getPercentile(50) / rawStats.get(i).getPercentile(50));
        table.append("| `GetBuildingHandler.handleRequest` (event → response, on the stub client) | ").append(format(handlerStats))
                .append(" | ").append(invocations(handlerStats, iterations)).append(" | **").append(Stats.of(ratios).format(2)).append("×** |\n");
        table.append("| raw SDK: the same ").append(calls).append(" on the same stub client | ").append(format(rawStats))
                .append(" | ").append(invocations(rawStats, iterations)).append(" | 1.00× |\n");
        table.append("\nJMH ").append(org.openjdk.jmh.util.Version.getPlainVersion()).append(", average time, ").append(rounds)
                .append(" round(s) of one fork per benchmark (alternated), each ").append(warmups).append(" × 1 s warm-up and ")
                .append(iterations).append(" × 1 s measured; forks run with the template's `JAVA_TOOL_OPTIONS` (`").append(javaToolOptions)
                .append("`) on the function's own package (its zip's jars, plus the benchmark and JMH). Figures are the median (min–max) of the measured iterations; the ratio is per round. The stub client answers")
                .append(" with the bytes DynamoDB Local sent for a warm request of the demo manager (recorded in this run), so both sides do the")
                .append(" SDK's full marshalling, signing and unmarshalling but no I/O.\n");
        return table.toString();
    }

    /** The unzipped package's jars, the benchmark's jar, JMH and the runtime's serialisation; the host's if there is no package. */
    private static String functionClasspath(Path task, String hostClasspath) {
        if (!Files.isDirectory(task.resolve("lib"))) return hostClasspath;
        List<String> entries = new ArrayList<>();
        for (String entry : hostClasspath.split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("domus-bench") || name.startsWith("jmh-core") || name.startsWith("jopt-simple")
                    || name.startsWith("commons-math3") || name.startsWith("aws-lambda-java-serialization")) {
                entries.add(entry);
            }
        }
        entries.add(task.resolve("lib").toString() + java.io.File.separator + "*");
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String format(List<Statistics> rounds) {
        double min = Double.MAX_VALUE, max = 0;
        List<Double> medians = new ArrayList<>();
        for (Statistics statistics : rounds) {
            min = Math.min(min, statistics.getMin());
            max = Math.max(max, statistics.getMax());
            medians.add(statistics.getPercentile(50));
        }
        return Stats.number(Stats.of(medians).median(), 1) + " (" + Stats.number(min, 1) + "–" + Stats.number(max, 1) + ")";
    }

    /** About how many invocations the measured iterations made (1 s each ÷ the time per invocation). */
    private static String invocations(List<Statistics> rounds, int iterations) {
        double total = 0;
        for (Statistics statistics : rounds) total += iterations * 1e6 / statistics.getMean();
        return String.format(Locale.ROOT, "≈ %,.0f", total);
    }
}
