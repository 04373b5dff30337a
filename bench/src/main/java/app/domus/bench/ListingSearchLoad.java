package app.domus.bench;

import app.domus.listings.search.Scopes;
import app.domus.listings.search.SearchEntryItem;
import app.domus.local.LocalCloud;
import app.domus.shared.persistence.DomusTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figure 7: the public listing search ({@code GET /listings}) over {@code listings} published listings, cached and
 * uncached, against {@code GET /health} in the same rounds. The listings are seeded straight into the table as the
 * search indexer stores them (one {@link SearchEntryItem} per scope: city, district, geohash cell, built with the
 * listings context's own classes), spread over 20 cities of 5 districts each, so that a city holds about 5,000 and a
 * district about 1,000 of 100,000. Cached: a few fixed queries, answered from the cache after their first miss.
 * Uncached: every request a query no one asked before (a random price ceiling), so every one misses, reads its scope
 * and writes its page to the cache.
 */
final class ListingSearchLoad {
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Leipzig",
            "Dresden", "Hanover", "Nuremberg", "Vienna", "Graz", "Zurich", "Basel", "Geneva", "Bern", "Lyon", "Milan", "Turin", "Prague"};
    private static final double[][] CENTRES = {{52.52, 13.40}, {53.55, 9.99}, {48.14, 11.58}, {50.94, 6.96}, {50.11, 8.68},
            {48.78, 9.18}, {51.34, 12.37}, {51.05, 13.74}, {52.37, 9.73}, {49.45, 11.08}, {48.21, 16.37}, {47.07, 15.44},
            {47.37, 8.54}, {47.56, 7.59}, {46.20, 6.14}, {46.95, 7.45}, {45.76, 4.84}, {45.46, 9.19}, {45.07, 7.69}, {50.08, 14.44}};
    private static final String[] DISTRICTS = {"North", "South", "East", "West", "Centre"};
    private static final String[] TYPES = {"apartment", "apartment", "apartment", "house", "studio"};

    record Result(int listings, int entries, double seedSeconds, List<HttpLoad.Result> health, List<HttpLoad.Result> cached,
                  List<HttpLoad.Result> uncached, int connections, List<HttpLoad.Result> healthAlone, List<HttpLoad.Result> uncachedAlone) {}

    private final LocalCloud cloud;
    private final Log log;

    ListingSearchLoad(LocalCloud cloud, Log log) {
        this.cloud = cloud;
        this.log = log;
    }

    Result run(int listings, int connections, Duration side, int rounds) throws Exception {
        String table = cloud.deployment().names().ref(cloud.deployment().template().resource("DomusTable"));
        long seedStart = System.nanoTime();
        int entries = seed(table, listings);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        log.info(String.format(Locale.ROOT, "search: %d listings seeded as %d entries in %.0f s", listings, entries, seedSeconds));

        String base = cloud.endpoints().httpUrl();
        URI health = URI.create(base + "/health");
        List<URI> fixed = List.of(URI.create(base + "/listings?location=Berlin&sort=price_asc"),
                URI.create(base + "/listings?location=Munich/Centre&rooms=2&sort=newest"),
                URI.create(base + "/listings?location=near:47.56,7.59,2&sort=distance"));
        HttpLoad load = new HttpLoad(connections);
        java.util.function.Supplier<URI> cachedQueries = () -> fixed.get(ThreadLocalRandom.current().nextInt(fixed.size()));
        java.util.function.Supplier<URI> freshQueries = () -> fresh(base);
        Duration warmUp = Duration.ofSeconds(2);
        load.run("warm-up health", health, null, warmUp);
        load.run("warm-up search", cachedQueries, null, warmUp);
        List<HttpLoad.Result> healthResults = new ArrayList<>();
        List<HttpLoad.Result> cachedResults = new ArrayList<>();
        List<HttpLoad.Result> uncachedResults = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternated, so that a machine getting busier or quieter falls on every side alike.
            if (round % 2 == 0) {
                healthResults.add(load.run("GET /health", health, null, side));
                cachedResults.add(load.run("search, cached", cachedQueries, null, side));
                uncachedResults.add(load.run("search, uncached", freshQueries, null, side));
            } else {
                uncachedResults.add(load.run("search, uncached", freshQueries, null, side));
                cachedResults.add(load.run("search, cached", cachedQueries, null, side));
                healthResults.add(load.run("GET /health", health, null, side));
            }
            log.info(String.format(Locale.ROOT, "search round %d: health p99 %.1f ms, cached p99 %.1f ms (%.0f/s), uncached p99 %.1f ms (%.0f/s)",
                    round + 1, healthResults.getLast().p99Ms(), cachedResults.getLast().p99Ms(), cachedResults.getLast().requestsPerSecond(),
                    uncachedResults.getLast().p99Ms(), uncachedResults.getLast().requestsPerSecond()));
        }
        // One connection: the latency of a search that queues behind no other (DynamoDB Local runs one statement at a time,
        // so under 50 connections an uncached search mostly waits for the others' reads).
        HttpLoad alone = new HttpLoad(1);
        List<HttpLoad.Result> healthAlone = new ArrayList<>();
        List<HttpLoad.Result> uncachedAlone = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                healthAlone.add(alone.run("GET /health, 1 connection", health, null, side));
                uncachedAlone.add(alone.run("search, uncached, 1 connection", freshQueries, null, side));
            } else {
                uncachedAlone.add(alone.run("search, uncached, 1 connection", freshQueries, null, side));
                healthAlone.add(alone.run("GET /health, 1 connection", health, null, side));
            }
        }
        return new Result(listings, entries, seedSeconds, healthResults, cachedResults, uncachedResults, connections, healthAlone, uncachedAlone);
    }

    /** A query with a price ceiling no request has had: the cache cannot answer it. */
    private static URI fresh(String base) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int city = random.nextInt(CITIES.length);
        long ceiling = 20_000_000L + random.nextLong(150_000_000L);
        String location = switch (random.nextInt(3)) {
            case 0 -> CITIES[city];
            case 1 -> CITIES[city] + "/" + DISTRICTS[random.nextInt(DISTRICTS.length)];
            default -> String.format(Locale.ROOT, "near:%.3f,%.3f,2", CENTRES[city][0], CENTRES[city][1]);
        };
        return URI.create(base + "/listings?location=" + java.net.URLEncoder.encode(location, java.nio.charset.StandardCharsets.UTF_8)
                + "&priceMax=" + ceiling + "&sort=price_asc");
    }

    /** Writes the listings' search entries in batches of 25 from 4 threads; returns how many entries. */
    private int seed(String table, int listings) throws Exception {
        TableSchema<SearchEntryItem> schema = DomusTable.schema(SearchEntryItem.class);
        Instant published = Instant.parse("2026-11-01T08:00:00Z");
        int threads = 4;
        List<Future<Integer>> done = new ArrayList<>();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(42 + thread);
                    List<WriteRequest> batch = new ArrayList<>();
                    int written = 0;
                    for (int i = thread; i < listings; i += threads) {
                        int city = i % CITIES.length;
                        String district = DISTRICTS[(i / CITIES.length) % DISTRICTS.length];
                        double latitude = CENTRES[city][0] + (random.nextDouble() - 0.5) * 0.1;
                        double longitude = CENTRES[city][1] + (random.nextDouble() - 0.5) * 0.15;
                        boolean rent = random.nextInt(3) == 0;
                        long price = rent ? 50_000L + random.nextLong(400_000L) : 10_000_000L + random.nextLong(140_000_000L);
                        String listingId = String.format(Locale.ROOT, "BENCHLISTING%014d", i);
                        for (String scope : Scopes.of(CITIES[city], district, latitude, longitude)) {
                            SearchEntryItem e = new SearchEntryItem();
                            e.setPk(SearchEntryItem.pk(scope));
                            e.setSk(SearchEntryItem.sk(price, listingId));
                            e.setGsi1pk(e.getPk());
                            e.setGsi1sk(SearchEntryItem.byTime(published.plusSeconds(i).toString(), listingId));
                            e.setListingId(listingId);
                            e.setPropertyType(TYPES[random.nextInt(TYPES.length)]);
                            e.setOffer(rent ? "rent" : "sale");
                            e.setPriceMinor(price);
                            e.setCurrency("EUR");
                            e.setRooms(1 + random.nextInt(6));
                            e.setAreaSqm(25.0 + random.nextInt(200));
                            e.setCity(CITIES[city]);
                            e.setDistrict(district);
                            e.setLatitude(latitude);
                            e.setLongitude(longitude);
                            e.setPublishedAt(published.plusSeconds(i).toString());
                            e.setVersion(1L);
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(schema.itemToMap(e, true)).build()).build());
                            if (batch.size() == 25) {
                                write(dynamo, table, batch);
                                written += batch.size();
                                batch = new ArrayList<>();
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        write(dynamo, table, batch);
                        written += batch.size();
                    }
                    return written;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) total += f.get();
            return total;
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) throws InterruptedException {
        List<WriteRequest> pending = batch;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
            List<WriteRequest> sending = List.copyOf(pending);
            Map<String, List<WriteRequest>> left = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending))).unprocessedItems();
            pending = left.getOrDefault(table, List.of());
            if (attempt > 20) throw new IllegalStateException("BatchWriteItem left " + pending.size() + " items unprocessed after 20 attempts");
        }
    }
}
