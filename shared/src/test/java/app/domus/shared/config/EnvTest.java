package app.domus.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A function's variables: bound ones first (the local cloud), blank as absent, required ones loud. */
class EnvTest {
    @Test
    void boundVariablesAreReadAndBlankOnesAreAbsent() {
        Env.with(Map.of("DOMUS_A", "alpha", "DOMUS_BLANK", "  ", "DOMUS_N", "7"), () -> {
            assertThat(Env.optional("DOMUS_A")).contains("alpha");
            assertThat(Env.optional("DOMUS_BLANK")).isEmpty();
            assertThat(Env.optional("DOMUS_NOT_SET_ANYWHERE")).isEmpty();
            assertThat(Env.required("DOMUS_A")).isEqualTo("alpha");
            assertThat(Env.orDefault("DOMUS_A", "x")).isEqualTo("alpha");
            assertThat(Env.orDefault("DOMUS_BLANK", "fallback")).isEqualTo("fallback");
            assertThat(Env.intOrDefault("DOMUS_N", 3)).isEqualTo(7);
            assertThat(Env.intOrDefault("DOMUS_NOT_SET_ANYWHERE", 3)).isEqualTo(3);
            assertThatThrownBy(() -> Env.required("DOMUS_BLANK")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Missing environment variable DOMUS_BLANK");
            return null;
        });
    }

    @Test
    void aBindingShadowsTheProcessEnvironmentAndEndsWithItsWork() {
        String path = System.getenv("PATH");
        assertThat(Env.optional("PATH")).contains(path);
        assertThat(Env.with(Map.of("PATH", "bound"), () -> Env.required("PATH"))).isEqualTo("bound");
        assertThat(Env.with(Map.of("OTHER", "x"), () -> Env.optional("PATH"))).as("an unbound name falls through").contains(path);
        assertThat(Env.optional("PATH")).as("after the work").contains(path);
    }

    @Test
    void anInnerBindingRestoresTheOuterOneAndThreadsItStartsInheritIt() throws Exception {
        Env.with(Map.of("DOMUS_A", "outer"), () -> {
            assertThat(Env.with(Map.of("DOMUS_A", "inner"), () -> Env.required("DOMUS_A"))).isEqualTo("inner");
            assertThat(Env.required("DOMUS_A")).isEqualTo("outer");
            AtomicReference<Optional<String>> seen = new AtomicReference<>();
            Thread thread = new Thread(() -> seen.set(Env.optional("DOMUS_A")));
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(seen.get()).contains("outer");
            return null;
        });
        assertThat(Env.optional("DOMUS_A")).isEmpty();
    }
}
