package app.domus.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    @Test
    void extractsPathParametersAndGreedyRemainders() {
        HttpRoute unit = new HttpRoute("GET", "/buildings/{buildingId}/units/{unitId}", "F", null, List.of());
        HttpRoute files = new HttpRoute("ANY", "/files/{proxy+}", "F", null, List.of());

        assertThat(unit.match("/buildings/b1/units/u%2F2")).contains(Map.of("buildingId", "b1", "unitId", "u/2"));
        assertThat(unit.match("/buildings/b1/units")).isEmpty();
        assertThat(files.match("/files/a/b/c.pdf")).contains(Map.of("proxy", "a/b/c.pdf"));
        assertThat(files.match("/files")).isEmpty();
    }

    @Test
    void ranksLiteralsOverParametersOverGreedyAndMethodsOverAny() {
        HttpRoute literal = new HttpRoute("GET", "/units/mine", "F", null, List.of());
        HttpRoute parameter = new HttpRoute("GET", "/units/{unitId}", "F", null, List.of());
        HttpRoute greedy = new HttpRoute("GET", "/{proxy+}", "F", null, List.of());
        HttpRoute any = new HttpRoute("ANY", "/units/{unitId}", "F", null, List.of());

        assertThat(literal.specificity()).isGreaterThan(parameter.specificity());
        assertThat(parameter.specificity()).isGreaterThan(any.specificity());
        assertThat(any.specificity()).isGreaterThan(greedy.specificity());
    }
}
