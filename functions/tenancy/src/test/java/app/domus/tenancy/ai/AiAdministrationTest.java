package app.domus.tenancy.ai;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.ai.AiTask;
import app.domus.shared.testing.HttpEvents;
import app.domus.tenancy.TenancyFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AiAdministrationTest {
    private final TenancyFixture f = new TenancyFixture();
    private final AiGateway gateway = new AiGateway(f.table, f.clock, d -> { }, AiGateway.breakerSettings());
    private final AiAdministration ai = new AiAdministration(f.table, f.access, gateway);
    private final ListAiRunsHandler runs = new ListAiRunsHandler(ai);
    private final ListAiAgentsHandler agents = new ListAiAgentsHandler(ai);
    private final SwitchAiAgentHandler switcher = new SwitchAiAgentHandler(ai);

    record In(String text) {}

    record Out(String text) {}

    private final AiProvider<In, Out> echo = new AiProvider<>() {
        public String name() { return "local"; }
        public String model() { return "echo"; }
        public Answer<Out> run(In input) {
            if (input.text().startsWith("bad")) throw new IllegalArgumentException("unreadable");
            return Answer.free(new Out(input.text()));
        }
    };

    private JsonNode list(String user, String query) {
        var request = HttpEvents.request("GET", "/ai/runs").as(user);
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) request.query(kv[0], kv[1]);
        }
        var response = call(runs, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void anAdminPagesTheRunsNewestFirstByTaskAndStatus() {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            order.add(gateway.run(AiTask.FAULT_TRIAGE, f.orgA, new In("report " + i), Out.class, List.of(echo)).runId());
        }
        f.clock.advance(Duration.ofSeconds(1));
        try {
            gateway.run(AiTask.CHAT, f.orgA, new In("bad question"), Out.class, List.of(echo));
        } catch (RuntimeException expected) {
            // logged as failed
        }
        gateway.run(AiTask.FAULT_TRIAGE, f.orgB, new In("elsewhere"), Out.class, List.of(echo));

        JsonNode first = list(f.admin, "organisationId=" + f.orgA + "&limit=3");
        assertThat(first.path("items")).hasSize(3);
        assertThat(first.path("items").get(0).path("task").asText()).isEqualTo("chat");
        assertThat(first.path("items").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(first.path("items").get(0).path("errorCategory").asText()).isEqualTo("invalid_input");
        assertThat(first.path("items").get(1).path("runId").asText()).isEqualTo(order.get(4));
        JsonNode second = list(f.admin, "organisationId=" + f.orgA + "&limit=3&cursor=" + first.path("nextCursor").asText());
        assertThat(second.path("items").get(0).path("runId").asText()).isEqualTo(order.get(2));

        JsonNode triage = list(f.admin, "organisationId=" + f.orgA + "&task=fault-triage&status=done&limit=50");
        assertThat(triage.path("items")).hasSize(5).allSatisfy(r -> {
            assertThat(r.path("provider").asText()).isEqualTo("local");
            assertThat(r.path("latencyMs").isNumber()).isTrue();
        });
        assertThat(triage.toString()).doesNotContain("elsewhere").doesNotContain("report 1");
    }

    @Test
    void onlyTheOrganisationsAdminsSeeAndSwitchItsAgents() {
        assertProblem(call(runs, HttpEvents.request("GET", "/ai/runs").query("organisationId", f.orgA).as(f.manager)), 403, "forbidden");
        assertProblem(call(runs, HttpEvents.request("GET", "/ai/runs").query("organisationId", f.orgA).as(f.outsider)), 404, "not-found");
        assertProblem(call(runs, HttpEvents.request("GET", "/ai/runs").as(f.admin)), 400, "validation-error");
        assertProblem(call(runs, HttpEvents.request("GET", "/ai/runs").query("organisationId", f.orgA).query("task", "poetry").as(f.admin)),
                400, "validation-error");
        String off = "{\"organisationId\":\"" + f.orgA + "\",\"enabled\":false}";
        assertProblem(call(switcher, HttpEvents.request("PUT", "/ai/agents/chat").pathParam("task", "chat").body(off).as(f.manager)), 403, "forbidden");
        assertProblem(call(switcher, HttpEvents.request("PUT", "/ai/agents/poetry").pathParam("task", "poetry").body(off).as(f.admin)), 400,
                "validation-error");
        assertThat(gateway.enabled(f.orgA, AiTask.CHAT)).isTrue();

        var switched = call(switcher, HttpEvents.request("PUT", "/ai/agents/chat").pathParam("task", "chat").body(off).as(f.admin));
        assertThat(switched.getStatusCode()).as(switched.getBody()).isEqualTo(200);
        assertThat(gateway.enabled(f.orgA, AiTask.CHAT)).isFalse();
        Assertions.assertThatThrownBy(() -> gateway.run(AiTask.CHAT, f.orgA, new In("hi"), Out.class, List.of(echo))).isInstanceOf(AiAgentOff.class);

        JsonNode listed = json(call(agents, HttpEvents.request("GET", "/ai/agents").query("organisationId", f.orgA).as(f.admin)));
        assertThat(listed.path("items")).hasSize(AiTask.values().length);
        assertThat(listed.path("items")).filteredOn(a -> a.path("task").asText().equals("chat")).singleElement()
                .satisfies(a -> assertThat(a.path("enabled").asBoolean()).isFalse());
        assertThat(listed.path("items")).filteredOn(a -> a.path("enabled").asBoolean()).hasSize(AiTask.values().length - 1);
    }
}
