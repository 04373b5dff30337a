package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The typed TypeScript client in {@code clients/typescript}: lints {@code api/openapi.yaml} with Spectral, generates
 * the client's types from it, compiles the client and its tests (a wrong field fails the compiler) and runs them
 * against this JVM's local cloud: sign-in, a fault with a presigned photo upload, a ballot, the vote's tally live over
 * the WebSocket API. Without npm it skips, saying so, except in CI ({@code CI=true}), where it fails.
 */
@ExtendWith(LocalCloudExtension.class)
class TypeScriptClientTest {
    /** npm ci and the whole run take about 30 s on a 2-core machine; the margin is for a loaded one. */
    private static final long TIMEOUT_SECONDS = 180;
    /** Written into node_modules after an install: the lock file it was installed from, so an unchanged lock reuses it. */
    private static final String INSTALLED_LOCK = ".domus-installed-lock.sha256";

    @Test
    void theClientsTestsPassAgainstTheLocalCloud(LocalCloudClient cloud) throws Exception {
        Path client = LocalCloudExtension.repositoryTemplate().getParent().resolve("clients/typescript");
        String npm = npm();

        Path lock = client.resolve("package-lock.json");
        Path installed = client.resolve("node_modules").resolve(INSTALLED_LOCK);
        String lockHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(lock)));
        if (!Files.isRegularFile(installed) || !Files.readString(installed).equals(lockHash)) {
            run(client, Map.of(), npm, "ci", "--no-audit", "--no-fund");
            Files.writeString(installed, lockHash);
        }

        Map<String, String> endpoints = Map.of(
                "DOMUS_HTTP_URL", cloud.httpUrl(),
                "DOMUS_WS_URL", cloud.cloud().endpoints().webSocketUrl(),
                "DOMUS_CONSOLE_URL", cloud.httpUrl() + "/_local");
        run(client, endpoints, npm, "run", "ci");
    }

    /** npm on the PATH, or why the test cannot run. */
    private static String npm() throws InterruptedException {
        String npm = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
        String missing;
        try {
            Process version = new ProcessBuilder(npm, "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (version.waitFor() == 0) return npm;
            missing = "npm --version failed: " + out;
        } catch (IOException e) {
            missing = "no npm on the PATH (Node.js 18.18 or newer; scripts/install-node installs it)";
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI needs Node.js for the TypeScript client: " + missing);
        Assumptions.abort("skipped: " + missing);
        throw new IllegalStateException("unreachable");
    }

    private static void run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path output = Files.createTempFile("domus-npm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) process.destroyForcibly().waitFor();
            String log = Files.readString(output);
            System.out.printf("[typescript-client] %s (%d ms):%n%s%n", String.join(" ", command),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log);
            assertThat(finished).as("%s finished within %d s", String.join(" ", command), TIMEOUT_SECONDS).isTrue();
            assertThat(process.exitValue()).as("exit code of %s; its output:%n%s", String.join(" ", command), log).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
