package app.domus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 3: a closed-loop load generator. {@code connections} virtual threads each send one request after the other
 * for a fixed time through one {@link HttpClient} (HTTP/1.1, so one connection per thread), and record each latency.
 */
final class HttpLoad {
    /** Per thread at most this many samples are kept (bounds memory whatever the rate). */
    private static final int MAX_SAMPLES_PER_THREAD = 200_000;

    /** One side of one round. */
    record Result(String name, double seconds, long requests, long errors, String firstError, double p50Ms, double p99Ms) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
    private final int connections;

    HttpLoad(int connections) {
        this.connections = connections;
    }

    Result run(String name, URI uri, String bearerToken, Duration duration) throws Exception {
        HttpRequest request = request(uri, bearerToken);
        return run(name, () -> request, duration);
    }

    /** With a request made for each send ({@code uris}: e.g. a query that no cache has seen). */
    Result run(String name, java.util.function.Supplier<URI> uris, String bearerToken, Duration duration) throws Exception {
        return run(name, () -> request(uris.get(), bearerToken), duration);
    }

    private static HttpRequest request(URI uri, String bearerToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
        if (bearerToken != null) builder.header("Authorization", "Bearer " + bearerToken);
        return builder.build();
    }

    private Result run(String name, java.util.function.Supplier<HttpRequest> requests, Duration duration) throws Exception {
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                workers.add(threads.submit(() -> {
                    long[] samples = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_THREAD) {
                        HttpRequest request = requests.get();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError[0] == null) firstError[0] = response.statusCode() + " " + new String(response.body()).lines().findFirst().orElse("");
                                }
                                continue;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) firstError[0] = e.toString();
                            }
                            continue;
                        }
                        if (count == samples.length) samples = Arrays.copyOf(samples, samples.length * 2);
                        samples[count++] = System.nanoTime() - sent;
                    }
                    return Arrays.copyOf(samples, count);
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            long[] samples = worker.get();
            all.add(samples);
            total += samples.length;
        }
        long[] latencies = new long[total];
        int at = 0;
        for (long[] samples : all) {
            System.arraycopy(samples, 0, latencies, at, samples.length);
            at += samples.length;
        }
        Arrays.sort(latencies);
        return new Result(name, seconds, total, errors.get(), firstError[0],
                Stats.percentile(latencies, total, 50) / 1e6, Stats.percentile(latencies, total, 99) / 1e6);
    }
}
