package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A billing run through the local cloud: the demo manager starts the demo building's run over HTTP, polls it until it
 * has completed, and finds an invoice per owned unit (all six), the parts adding up to the template's amounts to the
 * cent, the owners' e-mails and the report to the manager; a second run of the same period is refused.
 */
@ExtendWith(LocalCloudExtension.class)
class BillingRunFlowTest {

    @Test
    void theDemoManagerBillsTheBuildingsUnitsForAPeriodOnceAndHearsHowItWent(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String building = ids.get("buildingId");
        String period = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        // 6,000.00 by the recorded shares (150, 150, 175, 175, 175 and 175 thousandths) and 100.00 per unit with 20 % VAT.
        String body = "{\"period\":\"" + period + "\",\"dueDate\":\"" + due + "\",\"lines\":["
                + "{\"description\":\"Monthly advance\",\"amount\":600000,\"vatRate\":0,\"split\":\"by_share\"},"
                + "{\"description\":\"Lift maintenance\",\"amount\":10000,\"vatRate\":20,\"split\":\"per_unit\"}]}";
        String key = "billing-run-" + Instant.now().toEpochMilli();
        String path = "/buildings/" + building + "/billing-runs";

        assertThat(cloud.as("owner").header("idempotency-key", key + "-owner").post(path, body).status()).isEqualTo(403);
        assertThat(cloud.as("manager").header("idempotency-key", key + "-bad").post(path, body.replace("\"per_unit\"", "\"per_floor\"")).status())
                .isEqualTo(400);
        // The demo units have no floor area: a split by area names them all.
        ApiResponse byArea = cloud.as("manager").header("idempotency-key", key + "-area").post(path, body.replace("\"by_share\"", "\"by_area\""));
        assertThat(byArea.status()).as(byArea.body()).isEqualTo(422);
        assertThat(byArea.json().path("units")).hasSize(6);

        ApiResponse started = cloud.as("manager").header("idempotency-key", key).post(path, body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("runId").asText();
        assertThat(started.json().path("links").path("self").asText()).isEqualTo("/billing-runs/" + runId);
        assertThat(started.header("Location")).isEqualTo("/billing-runs/" + runId);
        assertThat(cloud.as("manager").header("idempotency-key", key).post(path, body).json().path("runId").asText())
                .as("the same key again: the first answer").isEqualTo(runId);
        assertThat(cloud.as("owner").get("/billing-runs/" + runId).status()).isEqualTo(404);

        JsonNode run = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/billing-runs/" + runId),
                r -> r.path("status").asText().equals("completed"));
        assertThat(run.path("unitsTotal").asInt()).isEqualTo(6);
        assertThat(run.path("unitsInvoiced").asInt()).isEqualTo(6);
        assertThat(run.path("unitsSkipped").asInt()).isZero();

        Map<String, Long> expected = Map.of("1A", 92000L, "1B", 92000L, "2A", 107000L, "2B", 107000L, "3A", 106999L, "3B", 106999L);
        Map<String, JsonNode> invoices = new HashMap<>();
        for (JsonNode listed : cloud.as("manager").get("/invoices?buildingId=" + building + "&limit=100").json().path("items")) {
            invoices.put(listed.path("invoiceId").asText(), listed);
        }
        long net = 0;
        long total = 0;
        Set<String> numbers = new HashSet<>();
        for (JsonNode entry : run.path("invoices")) {
            String unitNumber = entry.path("unitNumber").asText();
            JsonNode invoice = invoices.get(entry.path("invoiceId").asText());
            assertThat(invoice).as("the invoice of unit %s is listed for the building", unitNumber).isNotNull();
            assertThat(invoice.path("unitId").asText()).isEqualTo(ids.get("unit." + unitNumber));
            assertThat(invoice.path("total").asLong()).as(unitNumber).isEqualTo(expected.get(unitNumber));
            assertThat(invoice.path("dueDate").asText()).isEqualTo(due);
            net += invoice.path("netTotal").asLong();
            total += invoice.path("total").asLong();
            numbers.add(invoice.path("number").asText());
        }
        assertThat(run.path("invoices")).hasSize(6);
        assertThat(numbers).hasSize(6);
        assertThat(net).as("the units' nets add up to the template's amounts").isEqualTo(600000 + 10000);
        assertThat(total).isEqualTo(run.path("totals").path("total").asLong()).isEqualTo(612000 - 2);

        JsonNode first = cloud.as("owner").get("/invoices/" + run.path("invoices").get(0).path("invoiceId").asText()).json();
        assertThat(first.path("items")).extracting(i -> i.path("description").asText())
                .containsExactly("Monthly advance, " + period, "Lift maintenance, " + period);
        for (String owner : new String[] {"owner", "owner2", "owner3"}) {
            cloud.awaitOutbox(owner + "@domus.local", m -> m.path("subject").asText().startsWith("Invoice ")
                    && m.path("text").asText().contains(due));
        }
        JsonNode report = cloud.awaitOutbox("manager@domus.local", m -> m.path("subject").asText().startsWith("Billing run " + period));
        assertThat(report.path("subject").asText()).endsWith("completed");
        assertThat(report.path("text").asText()).contains("6 of 6 units invoiced", "6,119.98 EUR");

        ApiResponse again = cloud.as("manager").header("idempotency-key", key + "-again").post(path, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("runId").asText()).isEqualTo(runId);
    }

    @Test
    void aRunWithConsumptionBillsAUnitsMeteredUseAtTheBuildingsTariffNamingTheReadings(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String building = ids.get("buildingId");
        String tariffs = "{\"cold_water\":{\"unitPrice\":450,\"vatRate\":10},\"hot_water\":{\"unitPrice\":1200,\"vatRate\":10},"
                + "\"heat\":{\"unitPrice\":12,\"vatRate\":10},\"electricity\":{\"unitPrice\":28,\"vatRate\":20},\"gas\":{\"unitPrice\":9,\"vatRate\":20}}";
        assertThat(cloud.as("owner").put("/buildings/" + building + "/tariffs", tariffs).status()).isEqualTo(403);
        assertThat(cloud.as("manager").put("/buildings/" + building + "/tariffs", "{\"water\":{\"unitPrice\":1,\"vatRate\":0}}").status()).isEqualTo(400);
        ApiResponse set = cloud.as("manager").put("/buildings/" + building + "/tariffs", tariffs);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("electricity").path("unitPrice").asLong()).isEqualTo(28);

        // Unit 3B's electricity meter gets a smart-meter device of its own (the meters' tests use 1A's and 1B's), which sends
        // two readings through a gateway: 12.5 kWh used between them.
        String meter = ids.get("meter.3B.electricity");
        ApiResponse registered = cloud.as("manager").post("/meters/" + meter + "/devices", "{}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String device = registered.json().path("deviceId").asText();
        String authorization = cloud.as("manager").post("/buildings/" + building + "/meter-gateways", "{}").json().path("authorization").asText();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        Instant second = first.plus(Duration.ofHours(1));
        for (var reading : new Object[][] {{first, "500"}, {second, "512.5"}}) {
            ApiResponse accepted = cloud.anonymous().header("authorization", authorization).post("/internal/meter-readings",
                    "{\"readings\":[{\"deviceId\":\"" + device + "\",\"value\":" + reading[1] + ",\"timestamp\":\"" + reading[0] + "\"}]}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            cloud.awaitEvent("MeterReadingReceived", e -> e.toString().contains(meter) && e.toString().contains(reading[0].toString()));
        }
        cloud.awaitQueueDrained("BillingMeterReadingsQueue");

        String period = YearMonth.now(ZoneOffset.UTC).plusMonths(2).toString();
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(45).toString();
        ApiResponse started = cloud.as("manager").header("idempotency-key", "consumption-" + Instant.now().toEpochMilli())
                .post("/buildings/" + building + "/billing-runs", "{\"period\":\"" + period + "\",\"dueDate\":\"" + due + "\",\"consumption\":true}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("consumption").asBoolean()).isTrue();
        String runId = started.json().path("runId").asText();
        JsonNode run = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/billing-runs/" + runId),
                r -> r.path("status").asText().equals("completed"));
        JsonNode entry = null;
        for (JsonNode invoiced : run.path("invoices")) if (invoiced.path("unitNumber").asText().equals("3B")) entry = invoiced;
        assertThat(entry).as("unit 3B is invoiced: %s", run).isNotNull();
        JsonNode invoice = cloud.as("owner3").get("/invoices/" + entry.path("invoiceId").asText()).json();
        assertThat(invoice.path("items")).singleElement().satisfies(line -> {
            assertThat(line.path("description").asText()).startsWith("Electricity, meter ").contains(": 12.5 kWh, from 500 on ", " to 512.5 on ");
            assertThat(line.path("quantity").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(line.path("unitPrice").asLong()).isEqualTo(28);
        });
        // 12.5 x 0.28 = 3.50, and 20 % VAT.
        assertThat(invoice.path("total").asLong()).isEqualTo(420);
    }
}
