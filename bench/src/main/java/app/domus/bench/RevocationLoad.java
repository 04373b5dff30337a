package app.domus.bench;

import app.domus.local.LocalCloud;
import app.domus.local.seed.DemoAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 8 (issue 17): what it costs that an access token no longer outlives its session. The request guard looks the
 * token's session ({@code sid}) up in the table, at most once per session and {@code SessionCheckSeconds} per function
 * instance; a token without a session id (the local cloud's demo tokens) is not looked up. So, on the same read
 * ({@code GET /buildings/{id}} as the demo manager):
 *
 * <ol>
 *   <li><b>under load</b>: a signed-in token ÷ a sessionless token of the same account, alternated rounds at the bench's
 *       connections (the check's cache is warm: its cost is one GetItem per {@code SessionCheckSeconds});
 *   <li><b>the lookup itself</b>: the first request of a fresh session (the guard reads the session item) ÷ a request
 *       with the sessionless token, one connection, alternated pairs (the sign-in before each is not timed);
 *   <li><b>how soon a logout bites</b>: a session is used (its check cached), logged out, and its token sent every 50 ms
 *       until it is refused: logout's answer → the first 401, against the configured bound.
 * </ol>
 */
final class RevocationLoad {
    record Result(List<HttpLoad.Result> sessionless, List<HttpLoad.Result> signedIn, int connections,
                  long[] firstRequestNanos, long[] sessionlessNanos, long[] logoutToRefusalMillis, int sessionCheckSeconds) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;
    private final Log log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    RevocationLoad(LocalCloud cloud, Log log) {
        this.cloud = cloud;
        this.log = log;
    }

    Result run(int connections, Duration side, int rounds, int pairs, int logouts) throws Exception {
        DemoAccount manager = cloud.demoData().account("manager").orElseThrow();
        String sessionless = cloud.tokenFor(manager);
        URI building = URI.create(cloud.endpoints().httpUrl() + "/buildings/" + cloud.demoData().ids().get("buildingId"));
        int staleness = Integer.parseInt(String.valueOf(cloud.deployment().parameter("SessionCheckSeconds")));

        log.info("revocation: " + rounds + " rounds of " + side.toSeconds() + " s a side at " + connections + " connections");
        String signedIn = signIn(manager);
        HttpLoad load = new HttpLoad(connections);
        load.run("warm-up sessionless", building, sessionless, Duration.ofSeconds(1));
        load.run("warm-up signed in", building, signedIn, Duration.ofSeconds(1));
        List<HttpLoad.Result> withoutSession = new ArrayList<>();
        List<HttpLoad.Result> withSession = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                withoutSession.add(load.run("sessionless", building, sessionless, side));
                withSession.add(load.run("signed in", building, signedIn, side));
            } else {
                withSession.add(load.run("signed in", building, signedIn, side));
                withoutSession.add(load.run("sessionless", building, sessionless, side));
            }
            log.info(String.format(Locale.ROOT, "revocation round %d: sessionless p50 %.1f ms p99 %.1f ms, signed in p50 %.1f ms p99 %.1f ms",
                    round + 1, withoutSession.getLast().p50Ms(), withoutSession.getLast().p99Ms(), withSession.getLast().p50Ms(), withSession.getLast().p99Ms()));
        }

        log.info("revocation: " + pairs + " first requests of a fresh session, alternated with sessionless ones");
        long[] first = new long[pairs];
        long[] plain = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            String fresh = signIn(manager);
            if (i % 2 == 0) {
                first[i] = timed(building, fresh);
                plain[i] = timed(building, sessionless);
            } else {
                plain[i] = timed(building, sessionless);
                first[i] = timed(building, fresh);
            }
        }

        log.info("revocation: " + logouts + " logouts, each token sent every 50 ms until refused");
        long[] delays = new long[logouts];
        for (int i = 0; i < logouts; i++) {
            String token = signIn(manager);
            if (status(building, token) != 200) throw new IllegalStateException("a fresh session was refused");
            HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().httpUrl() + "/auth/logout"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (logout.statusCode() != 204) throw new IllegalStateException("logout answered " + logout.statusCode() + " " + logout.body());
            long loggedOut = System.nanoTime();
            long deadline = loggedOut + Duration.ofSeconds(staleness + 30L).toNanos();
            int status;
            do {
                Thread.sleep(50);
                status = status(building, token);
            } while (status == 200 && System.nanoTime() < deadline);
            if (status != 401) throw new IllegalStateException("the logged-out token got " + status + " after " + (staleness + 30) + " s");
            delays[i] = (System.nanoTime() - loggedOut) / 1_000_000;
        }
        return new Result(withoutSession, withSession, connections, first, plain, delays, staleness);
    }

    private String signIn(DemoAccount account) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", account.email(), "password", account.password()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().httpUrl() + "/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("sign-in answered " + response.statusCode() + " " + response.body());
        String token = JSON.readTree(response.body()).path("accessToken").asText("");
        if (token.isEmpty()) throw new IllegalStateException("sign-in gave no access token (a second factor?): " + response.body());
        return token;
    }

    private long timed(URI uri, String token) throws Exception {
        long sent = System.nanoTime();
        int status = status(uri, token);
        long took = System.nanoTime() - sent;
        if (status != 200) throw new IllegalStateException(uri + " answered " + status);
        return took;
    }

    private int status(URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
