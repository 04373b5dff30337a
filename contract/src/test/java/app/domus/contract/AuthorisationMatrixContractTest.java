package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code contract/authorisation-matrix.md} grows with the routes: every HTTP route of the template has exactly one row,
 * no row names a route that is gone, every row has a cell per caller kind, and every cell is one the e2e test
 * ({@code AuthorisationMatrixTest}) can read. A new route fails the build until someone writes down who may call it.
 */
class AuthorisationMatrixContractTest {
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static final List<String> CALLERS = List.of("anonymous", "other-org-admin", "other-building-manager", "other-unit-owner",
            "tenant", "technician", "owner", "delegate", "delegate-without-right", "expired-delegate", "manager", "org-admin");
    private static final Pattern ROUTE = Pattern.compile("`([A-Z]+) (/\\S*)`");
    /** {@code n/a}, {@code -} (not sent) or statuses such as {@code 200} or {@code 403/404}. */
    private static final Pattern CELL = Pattern.compile("n/a|-|[1-5][0-9]{2}(/[1-5][0-9]{2})*");

    private static JsonNode template;
    private static JsonNode openApi;
    private static List<String> header;
    private static Map<String, List<String>> rows;
    private static List<String> duplicates;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        template = LanguageExtensions.expand(json.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml"))));
        openApi = json.valueToTree(CloudFormationYaml.load(ROOT.resolve("api/openapi.yaml")));
        rows = new LinkedHashMap<>();
        duplicates = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("contract/authorisation-matrix.md"))) {
            if (!line.startsWith("|") || line.startsWith("|---")) continue;
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) cells.add(cell.trim());
            if (cells.get(0).equals("Route")) {
                header = cells.subList(1, cells.size());
                continue;
            }
            Matcher route = ROUTE.matcher(cells.get(0));
            assertThat(route.matches()).as("a row's first cell is `METHOD /path`: " + line).isTrue();
            if (rows.put(route.group(1) + " " + route.group(2), cells.subList(1, cells.size())) != null) duplicates.add(cells.get(0));
        }
    }

    @Test
    void everyRouteOfTheTemplateHasARowAndEveryRowARoute() {
        Set<String> routes = templateRoutes();
        assertThat(routes).as("routes found in the template").hasSizeGreaterThan(100);
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(rows.keySet());
        Set<String> gone = new TreeSet<>(rows.keySet());
        gone.removeAll(routes);
        assertThat(missing).as("routes of template.yaml without a row in contract/authorisation-matrix.md").isEmpty();
        assertThat(gone).as("rows of contract/authorisation-matrix.md naming no route of template.yaml").isEmpty();
        assertThat(duplicates).as("routes with more than one row").isEmpty();
    }

    @Test
    void everyRouteOfTheMatrixIsDocumented() {
        Set<String> undocumented = new TreeSet<>();
        for (String route : rows.keySet()) {
            String[] parts = route.split(" ", 2);
            if (openApi.path("paths").path(parts[1]).path(parts[0].toLowerCase()).isMissingNode()) undocumented.add(route);
        }
        assertThat(undocumented).as("rows whose route api/openapi.yaml does not document").isEmpty();
    }

    @Test
    void everyRowHasAReadableCellPerCallerKind() {
        assertThat(header).as("the caller kinds, in order").isEqualTo(CALLERS);
        List<String> bad = new ArrayList<>();
        rows.forEach((route, cells) -> {
            if (cells.size() != CALLERS.size()) bad.add(route + ": " + cells.size() + " cells");
            for (String cell : cells) if (!CELL.matcher(cell).matches()) bad.add(route + ": '" + cell + "'");
        });
        assertThat(bad).isEmpty();
    }

    @Test
    void aRouteBehindTheAuthorizerRefusesAnonymousCallersAndAPublicRouteNamesNoOtherCaller() {
        List<String> wrong = new ArrayList<>();
        publicRoutes().forEach((route, isPublic) -> {
            List<String> cells = rows.get(route);
            if (cells == null) return;
            if (!isPublic && !cells.get(0).equals("401")) wrong.add(route + ": behind the authorizer, anonymous gets 401, not " + cells.get(0));
            if (isPublic && cells.subList(1, cells.size()).stream().anyMatch(cell -> !cell.equals("n/a"))) {
                wrong.add(route + ": public, so only the anonymous column applies");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWriteIsExercisedOnlyForCallersItRefuses() {
        List<String> wrong = writeCells((caller, statuses) -> statuses.stream().anyMatch(status -> status.startsWith("2")));
        assertThat(wrong).as("writes the e2e test would send to a caller allowed to make them, changing the demo estate (write '-' instead)")
                .isEmpty();
    }

    /**
     * A 400 to a signed-in caller on a write means the body was refused before the caller's rights were asked, so the
     * cell proves the validation and not the authorisation: such a write needs a valid body in the e2e test's BODIES.
     */
    @Test
    void aWriteRefusedToASignedInCallerIsRefusedByItsRightsNotByTheBody() {
        List<String> wrong = writeCells((caller, statuses) -> !caller.equals("anonymous") && statuses.contains("400"));
        assertThat(wrong).as("write cells showing a validation's 400 where the authorisation's answer belongs").isEmpty();
    }

    /** The cells of the writes (every method but GET) that the test picks, as {@code route × caller: cell}. */
    private static List<String> writeCells(BiPredicate<String, List<String>> picked) {
        List<String> found = new ArrayList<>();
        rows.forEach((route, cells) -> {
            if (route.startsWith("GET ")) return;
            for (int i = 0; i < cells.size(); i++) {
                if (picked.test(CALLERS.get(i), List.of(cells.get(i).split("/")))) found.add(route + " × " + CALLERS.get(i) + ": " + cells.get(i));
            }
        });
        return found;
    }

    private static Set<String> templateRoutes() {
        return publicRoutes().keySet();
    }

    /** Every HTTP route of the template, and whether it is public (no authorizer). */
    private static Map<String, Boolean> publicRoutes() {
        Map<String, Boolean> routes = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) return;
            resource.getValue().path("Properties").path("Events").forEach(event -> {
                if (!event.path("Type").asText().equals("HttpApi")) return;
                JsonNode route = event.path("Properties");
                routes.put(route.path("Method").asText().toUpperCase() + " " + route.path("Path").asText(),
                        route.path("Auth").path("Authorizer").asText().equals("NONE"));
            });
        });
        return routes;
    }
}
