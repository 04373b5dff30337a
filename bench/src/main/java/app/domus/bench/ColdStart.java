package app.domus.bench;

import app.domus.local.LocalCloud;
import app.domus.local.LocalEndpoints;
import app.domus.local.aws.AwsSdkSettings;
import app.domus.local.runtime.FunctionDefinition;
import app.domus.local.seed.DemoAccount;
import app.domus.local.template.TemplateResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Figure 1: cold starts. Each run is a fresh JVM ({@code java <mode flags> -cp <function's unzipped package>:<probe>
 * Probe <handler> <event>}) with the function's environment from the template, the template's JAVA_TOOL_OPTIONS, and
 * the SDK endpoint variables pointing at the local cloud; a hello-world handler is started the same way, alternately.
 */
final class ColdStart {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String HELLO = "HelloWorld";
    private static final String BARE = "BareHello";

    enum Mode {
        PLAIN("plain"), APPCDS("AppCDS"), AOT("JDK AOT cache");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /** A function to start and the request its first invocation gets. */
    record Target(String logicalId, String context, String route, String method, String path, Map<String, String> pathParameters,
                  String body, String account, int expectedStatus) {
        String label() {
            return logicalId + " (" + context + ", `" + method + " " + route + "`)";
        }
    }

    /** One fresh JVM: when main began after the spawn, construction, first invocation, exit; the response's status. */
    record Run(double toMainMs, double constructMs, double invokeMs, double exitMs, String status, double peakRssMb) {
        double totalMs() {
            return toMainMs + constructMs + invokeMs;
        }
    }

    /** One row of the table: a function in a mode, against the hello world in the same mode; or why there is none. */
    record Row(Target target, Mode mode, List<Run> function, List<Run> hello, List<Run> bare, String unavailable, String note) {
        static Row unavailable(Target target, Mode mode, String why) {
            return new Row(target, mode, List.of(), List.of(), List.of(), why, null);
        }

        List<Double> ratios() {
            return ratios(hello);
        }

        List<Double> bareRatios() {
            return ratios(bare);
        }

        private List<Double> ratios(List<Run> baseline) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(function.size(), baseline.size()); i++) ratios.add(function.get(i).totalMs() / baseline.get(i).totalMs());
            return ratios;
        }
    }

    private final LocalCloud cloud;
    private final Path work;
    private final Path probeJar;
    private final Path serializationJar;
    private final Path helloTask;
    private final String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Map<String, Path> unpacked = new LinkedHashMap<>();
    private final Map<String, String> helloUnavailable = new LinkedHashMap<>();
    private final java.util.Set<String> helloTrained = new java.util.HashSet<>();
    private final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
    private final Map<String, String> codeUris = new LinkedHashMap<>();
    private final Log log;
    private int sequence;

    ColdStart(LocalCloud cloud, Path work, Log log) throws IOException {
        this.cloud = cloud;
        this.work = Files.createDirectories(work);
        this.log = log;
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("archives"));
        Files.createDirectories(work.resolve("events"));
        cloud.deployment().functions().forEach(function -> functions.put(function.logicalId(), function));
        for (TemplateResource resource : cloud.deployment().functionResources()) {
            Object codeUri = resource.properties().get("CodeUri");
            if (codeUri != null) codeUris.put(resource.logicalId(), String.valueOf(codeUri));
        }
        // The runtime's part of the classpath: the probe, and what the Lambda runtime deserialises events with.
        Path runtime = Files.createDirectories(work.resolve("runtime"));
        probeJar = Jars.copyPackage(app.domus.bench.probe.Probe.class, "app/domus/bench/probe/", runtime.resolve("probe.jar"));
        serializationJar = Jars.copyFile(Jars.codeSource(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class), runtime);
        // The hello world, packaged as a function is: its jar and its dependencies in lib/.
        helloTask = work.resolve("functions/hello");
        Path helloLib = Files.createDirectories(helloTask.resolve("lib"));
        Jars.copyPackage(app.domus.bench.hello.HelloHandler.class, "app/domus/bench/hello/", helloLib.resolve("hello.jar"));
        Jars.copyFile(Jars.codeSource(com.amazonaws.services.lambda.runtime.Context.class), helloLib);
        Jars.copyFile(Jars.codeSource(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class), helloLib);
    }

    /** The template's production JVM flags (Globals), as every function gets them. */
    String javaToolOptions() {
        return functions.values().stream().map(f -> f.environment().get("JAVA_TOOL_OPTIONS")).filter(java.util.Objects::nonNull)
                .findFirst().orElse("(none)");
    }

    boolean knows(String logicalId) {
        return functions.containsKey(logicalId) && codeUris.containsKey(logicalId);
    }

    /** Runs every mode for {@code target}: a training or checking run where the mode needs one, then {@code runs} pairs. */
    List<Row> measure(Target target, List<Mode> modes, int runs, long deadlineNanos) throws Exception {
        List<Row> rows = new ArrayList<>();
        FunctionDefinition function = functions.get(target.logicalId());
        Path task = unpack(codeUris.get(target.logicalId()));
        for (Mode mode : modes) {
            String unavailable = availability(mode);
            if (unavailable != null) {
                rows.add(Row.unavailable(target, mode, unavailable));
                continue;
            }
            log.info("cold start: " + target.logicalId() + ", " + mode.label);
            String helloProblem = prepareHello(mode, function, target, HELLO);
            if (helloProblem == null) helloProblem = prepareHello(mode, function, target, BARE);
            if (helloProblem != null) {
                rows.add(Row.unavailable(target, mode, "n/a: hello world: " + helloProblem));
                continue;
            }
            String problem = prepare(mode, target, function, task, target.logicalId());
            if (problem != null) {
                rows.add(Row.unavailable(target, mode, "n/a: " + problem));
                continue;
            }
            List<Run> fn = new ArrayList<>();
            List<Run> hello = new ArrayList<>();
            List<Run> bare = new ArrayList<>();
            String note = null;
            for (int i = 0; i < runs && System.nanoTime() < deadlineNanos; i++) {
                // A B C, then C B A: drift of the machine falls on all alike.
                Run a, b, c;
                if (i % 2 == 0) {
                    a = run(mode, target, function, task, target.logicalId(), false, null);
                    b = run(mode, target, function, helloTask, HELLO, false, null);
                    c = run(mode, target, function, helloTask, BARE, false, null);
                } else {
                    c = run(mode, target, function, helloTask, BARE, false, null);
                    b = run(mode, target, function, helloTask, HELLO, false, null);
                    a = run(mode, target, function, task, target.logicalId(), false, null);
                }
                if (!ok(a, target.expectedStatus()) || !ok(b, 200) || !ok(c, 200)) {
                    note = "run " + (i + 1) + " failed: function " + a.status() + ", hello world " + b.status() + ", bare " + c.status()
                            + " (logs in " + work.resolve("logs") + ")";
                    break;
                }
                fn.add(a);
                hello.add(b);
                bare.add(c);
            }
            if (fn.size() < runs && note == null) note = "time budget reached after " + fn.size() + " of " + runs + " runs";
            rows.add(new Row(target, mode, fn, hello, bare, fn.isEmpty() ? "failed: " + note : null, note));
        }
        return rows;
    }

    private static boolean hello(String name) {
        return name.equals(HELLO) || name.equals(BARE);
    }

    private static boolean ok(Run run, int expected) {
        return run.status().equals(String.valueOf(expected)) || (expected == 200 && run.status().equals("ok"));
    }

    /** Why a mode cannot run on this JDK at all, or null. */
    private String availability(Mode mode) {
        if (mode == Mode.AOT && Runtime.version().feature() < 25) {
            return "n/a: JDK " + Runtime.version() + " has no -XX:AOTCacheOutput (JDK 25+)";
        }
        return null;
    }

    /** CRaC: whether the JDK running the bench can checkpoint at all. */
    String cracAvailability() throws Exception {
        Path log = work.resolve("logs/crac-check.log");
        Process process = new ProcessBuilder(javaBinary, "-XX:CRaCCheckpointTo=" + work.resolve("crac"), "-version")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        String output = Files.readString(log).trim();
        String vendor = System.getProperty("java.vendor.version", System.getProperty("java.vendor")) + " " + Runtime.version();
        if (process.exitValue() != 0) {
            String first = output.lines().filter(line -> line.contains("CRaC")).findFirst().orElse(output.lines().findFirst().orElse(""));
            return "n/a: this JDK (" + vendor + ") has no CRaC: `" + first.trim() + "`";
        }
        return "n/a: this JDK (" + vendor + ") accepts -XX:CRaCCheckpointTo, but the harness does not measure restores yet";
    }

    private String prepareHello(Mode mode, FunctionDefinition function, Target target, String name) throws Exception {
        String key = mode + "/" + name;
        if (helloUnavailable.containsKey(key)) return helloUnavailable.get(key);
        if (helloTrained.contains(key)) return null;
        String problem = prepare(mode, target, function, helloTask, name);
        helloTrained.add(key);
        if (problem != null) helloUnavailable.put(key, problem);
        return problem;
    }

    /**
     * Plain: one untimed run (the page cache, the local services' first requests). AppCDS and the AOT cache: a
     * training run that writes the archive, then an untimed run that insists on it ({@code -Xshare:on},
     * {@code -XX:AOTMode=on}) so that a cache the JVM would silently skip is reported instead of measured.
     * Gives the reason when the mode does not work, else null.
     */
    private String prepare(Mode mode, Target target, FunctionDefinition function, Path task, String name) throws Exception {
        if (mode == Mode.PLAIN) {
            Run warm = run(mode, target, function, task, name, false, null);
            return ok(warm, hello(name) ? 200 : target.expectedStatus()) ? null : "the untimed first run answered " + warm.status();
        }
        Path archive = archive(mode, name);
        Files.deleteIfExists(archive);
        List<String> training = mode == Mode.APPCDS
                ? List.of("-XX:ArchiveClassesAtExit=" + archive)
                : List.of("-XX:AOTCacheOutput=" + archive);
        Path trainingLog = logFile(name, mode, "training");
        Run trained = run(mode, target, function, task, name, true, training, trainingLog);
        if (!Files.exists(archive) || Files.size(archive) == 0) {
            return reason(trainingLog, "the training run (" + trained.status() + ") wrote no archive");
        }
        List<String> strict = mode == Mode.APPCDS
                ? List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive);
        Path checkLog = logFile(name, mode, "check");
        Run checked = run(mode, target, function, task, name, true, strict, checkLog);
        if (!ok(checked, hello(name) ? 200 : target.expectedStatus())) {
            return reason(checkLog, "the archive is refused (" + checked.status() + ")");
        }
        return null;
    }

    /** The JVM's own words from a log: the first cds/aot warning or error line. */
    private static String reason(Path log, String fallback) throws IOException {
        if (!Files.exists(log)) return fallback;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("cannot have non-empty directory") || lower.contains("non-empty directory")) {
                return "`" + line.trim() + "` (the zip has classes at its root, so its directory is on the classpath)";
            }
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if ((lower.contains("[cds") || lower.contains("[aot") || lower.contains("error")) && (lower.contains("warning") || lower.contains("error"))) {
                return fallback + ": `" + line.trim() + "`";
            }
        }
        return fallback;
    }

    private Path archive(Mode mode, String name) {
        return work.resolve("archives").resolve(name + (mode == Mode.APPCDS ? ".jsa" : ".aot"));
    }

    private Path logFile(String name, Mode mode, String what) {
        return work.resolve("logs").resolve(name + "-" + mode.name().toLowerCase(Locale.ROOT) + "-" + what + ".log");
    }

    private Run run(Mode mode, Target target, FunctionDefinition function, Path task, String name, boolean untimed, List<String> flags) throws Exception {
        return run(mode, target, function, task, name, untimed, flags, logFile(name, mode, String.valueOf(++sequence)));
    }

    private Run run(Mode mode, Target target, FunctionDefinition function, Path task, String name, boolean untimed,
                    List<String> flags, Path logFile) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        if (flags != null) {
            command.addAll(flags);
        } else if (mode == Mode.APPCDS) {
            command.add("-XX:SharedArchiveFile=" + archive(mode, name));
        } else if (mode == Mode.AOT) {
            command.add("-XX:AOTCache=" + archive(mode, name));
        }
        command.add("-cp");
        command.add(classpath(task));
        command.add(app.domus.bench.probe.Probe.class.getName());
        command.add(name.equals(HELLO) ? app.domus.bench.hello.HelloHandler.class.getName()
                : name.equals(BARE) ? app.domus.bench.hello.BareHelloHandler.class.getName() : function.handlerClass());
        Path event = work.resolve("events").resolve(name + "-" + sequence + ".json");
        Files.writeString(event, event(cloud, target));
        command.add(event.toString());
        Path result = work.resolve("events").resolve(name + "-" + sequence + ".result");
        Files.deleteIfExists(result);
        command.add(result.toString());

        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(environment(function, task));
        long spawnedAtMs = System.currentTimeMillis();
        long spawned = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(untimed ? 300 : 90, TimeUnit.SECONDS);
        long exitNanos = System.nanoTime() - spawned;
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Run(0, 0, 0, 0, "timeout", 0);
        }
        if (!Files.exists(result)) return new Run(0, 0, 0, exitNanos / 1e6, "exit " + process.exitValue() + ", no result", 0);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(result)) {
            int equals = line.indexOf('=');
            if (equals > 0) values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        String status = values.getOrDefault("status", "?");
        if (!values.containsKey("invokeNs")) return new Run(0, 0, 0, exitNanos / 1e6, status, 0);
        return new Run(Long.parseLong(values.get("mainAtMs")) - spawnedAtMs,
                Long.parseLong(values.get("constructNs")) / 1e6,
                Long.parseLong(values.get("invokeNs")) / 1e6,
                exitNanos / 1e6, status, Long.parseLong(values.getOrDefault("peakRssKb", "0")) / 1024.0);
    }

    /**
     * The function's jars, and its directory only if the zip put classes at its root: a directory with files in it is
     * what AppCDS and the AOT cache refuse, and Lambda's runtime puts {@code /var/task} first for the same reason.
     */
    private String classpath(Path task) throws IOException {
        List<String> entries = new ArrayList<>();
        boolean rootHasFiles;
        try (var listing = Files.list(task)) {
            rootHasFiles = listing.anyMatch(path -> !path.getFileName().toString().equals("lib"));
        }
        if (rootHasFiles) entries.add(task.toString());
        if (Files.isDirectory(task.resolve("lib"))) entries.add(task.resolve("lib") + "/*");
        entries.add(probeJar.toString());
        entries.add(serializationJar.toString());
        return String.join(":", entries);
    }

    /** What Lambda gives the function (the template's variables, the runtime's), plus the SDK settings for the local cloud. */
    private Map<String, String> environment(FunctionDefinition function, Path task) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("LAMBDA_TASK_ROOT", task.toString());
        function.environment().forEach((key, value) -> environment.put(key, value.replace("/var/task", task.toString())));
        LocalEndpoints endpoints = cloud.endpoints();
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDbUrl());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", endpoints.dynamoDbUrl());
        environment.put("AWS_ENDPOINT_URL_SQS", endpoints.sqsUrl());
        environment.put("AWS_ENDPOINT_URL_S3", endpoints.s3Url());
        for (String service : List.of("SNS", "SESV2", "SSM", "IOT_DATA_PLANE", "APIGATEWAYMANAGEMENTAPI", "SECRETS_MANAGER", "SCHEDULER", "EVENTBRIDGE")) {
            environment.put("AWS_ENDPOINT_URL_" + service, endpoints.awsUrl());
        }
        environment.put("AWS_REGION", cloud.deployment().region());
        environment.put("AWS_DEFAULT_REGION", cloud.deployment().region());
        environment.put("AWS_ACCESS_KEY_ID", AwsSdkSettings.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", AwsSdkSettings.SECRET_ACCESS_KEY);
        return environment;
    }

    /** The HTTP API payload 2.0 event the local gateway would build for this request, with a demo account's JWT claims. */
    static String event(LocalCloud cloud, Target target) {
        ObjectNode event = JSON.createObjectNode();
        String path = target.path();
        event.put("version", "2.0");
        event.put("routeKey", target.method() + " " + target.route());
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "application/json");
        headers.put("host", "127.0.0.1:" + cloud.endpoints().httpPort());
        headers.put("user-agent", "domus-bench");
        String token = target.account() == null ? null : cloud.tokenFor(account(cloud, target.account()));
        if (token != null) headers.put("authorization", "Bearer " + token);
        if (target.body() != null) {
            headers.put("content-type", "application/json");
            headers.put("idempotency-key", UUID.randomUUID().toString());
        }
        if (!target.pathParameters().isEmpty()) event.set("pathParameters", JSON.valueToTree(target.pathParameters()));
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        if (token != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", JSON.valueToTree(claims(token)));
            jwt.putNull("scopes");
        }
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "127");
        ObjectNode http = context.putObject("http");
        http.put("method", target.method());
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "domus-bench");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", target.method() + " " + target.route());
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (target.body() != null) event.put("body", target.body());
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    static DemoAccount account(LocalCloud cloud, String key) {
        return cloud.demoData().account(key).orElseThrow(() -> new IllegalStateException("no demo account " + key + " (was the demo estate seeded?)"));
    }

    /** A token's claims as API Gateway passes them to the function: every value a string, arrays as {@code [a b]}. */
    static Map<String, String> claims(String token) {
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            Map<String, String> claims = new LinkedHashMap<>();
            payload.properties().forEach(entry -> {
                JsonNode value = entry.getValue();
                String text;
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    text = "[" + String.join(" ", items) + "]";
                } else if (value.isObject()) {
                    text = value.toString();
                } else {
                    text = value.asText();
                }
                claims.put(entry.getKey(), text);
            });
            return claims;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks a function's zip once, as Lambda does into /var/task. */
    private Path unpack(String codeUri) throws IOException {
        Path existing = unpacked.get(codeUri);
        if (existing != null) return existing;
        Path zip = Path.of(codeUri);
        if (!Files.exists(zip)) throw new IllegalStateException(zip + " is missing: build the functions first (./mvnw -o -q install -DskipTests)");
        String name = zip.getFileName().toString().replace(".zip", "");
        Path task = work.resolve("functions").resolve(name);
        Files.createDirectories(task);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) throw new IOException("zip entry outside its directory: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        unpacked.put(codeUri, task);
        return task;
    }

    /** Whether a zip holds anything outside lib/ (the old layout: classes at the root). */
    static boolean classesAtRoot(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().anyMatch(entry -> !entry.isDirectory() && !entry.getName().startsWith("lib/"));
        }
    }
}
