package app.domus.local.partners.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the platform's {@code POST /webhooks/payments}: keeps what arrives and answers as told. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String payload, String signature, Instant at) {}

    private final HttpServer server;
    private final LinkedBlockingDeque<Received> received = new LinkedBlockingDeque<>();
    private final List<Received> all = new ArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/webhooks/payments", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Received delivery = new Received(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Stripe-Signature"), Instant.now());
                synchronized (all) {
                    all.add(delivery);
                }
                received.add(delivery);
                boolean fail = failuresToAnswer.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/payments";
    }

    /** The next {@code count} deliveries are answered 500. */
    void failNext(int count) {
        failuresToAnswer.set(count);
    }

    Received next() throws InterruptedException {
        Received delivery = received.poll(5, TimeUnit.SECONDS);
        if (delivery == null) throw new AssertionError("No webhook arrived within 5 s");
        return delivery;
    }

    /** Nothing more arrives within {@code wait}. */
    boolean quietFor(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
