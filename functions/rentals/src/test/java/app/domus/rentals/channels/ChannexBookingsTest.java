package app.domus.rentals.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.json.Json;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** One Channex booking as a booking of the book, and the sync requests as they go onto the queue. */
class ChannexBookingsTest {

    private static ChannelSource.Fetched.Entry entry(String json) {
        return ChannexChannelManager.entry(Json.tree(json));
    }

    @Test
    void aBookingIsNamedByItsOtaAndItsGuestsAndDatesAreTaken() {
        var e = entry("""
                {"id":"b1","attributes":{"status":"modified","ota_name":"Booking.com","arrival_date":"2026-04-01","departure_date":"2026-04-03",
                 "customer":{"name":"Ann","surname":null,"mail":"ann@example.test","phone":"+100"},"occupancy":{"adults":2,"children":1}}}""");
        assertThat(e.channel()).isEqualTo("booking");
        assertThat(e.booking()).isEqualTo(new app.domus.rentals.reservations.ReservationBook.Booking("b1", false, LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-03"), "Ann", "ann@example.test", "+100", 3));

        var other = entry("""
                {"attributes":{"id":"b2","status":"new","ota_name":"Vrbo Inc.","arrival_date":"2026-04-01","departure_date":"2026-04-03",
                 "customer":{"name":" ","surname":"Lee"},"occupancy":{"adults":0}}}""");
        assertThat(other.channel()).isEqualTo("vrboinc");
        assertThat(other.booking().externalId()).isEqualTo("b2");
        assertThat(other.booking().guestName()).isEqualTo("Lee");
        assertThat(other.booking().guests()).as("none counted").isNull();
        assertThat(other.booking().guestEmail()).isNull();

        var direct = entry("""
                {"id":"b3","attributes":{"status":"cancelled"}}""");
        assertThat(direct.channel()).isEqualTo("channel-manager");
        assertThat(direct.booking().cancelled()).isTrue();
        assertThat(direct.booking().guestName()).isNull();
        assertThat(direct.booking().guests()).isNull();
        assertThat(direct.booking().checkIn()).isNull();
    }

    @Test
    void aBookingWithoutIdAKnownStatusOrGoodDatesIsAChannelError() {
        assertThatThrownBy(() -> entry("{\"attributes\":{\"status\":\"new\"}}")).isInstanceOf(ChannelException.class).hasMessage("a booking without an id");
        assertThatThrownBy(() -> entry("{\"id\":\"x\",\"attributes\":{\"status\":\"pending\"}}")).isInstanceOf(ChannelException.class)
                .hasMessage("booking x has status pending, not new, modified or cancelled");
        assertThatThrownBy(() -> entry("{\"id\":\"x\",\"attributes\":{}}")).isInstanceOf(ChannelException.class).hasMessageContaining("status null");
        assertThatThrownBy(() -> entry("{\"id\":\"x\",\"attributes\":{\"status\":\"new\",\"arrival_date\":\"1 April\",\"departure_date\":\"2026-04-03\"}}"))
                .isInstanceOf(ChannelException.class).hasMessageStartingWith("booking x has bad dates");
        assertThatThrownBy(() -> entry("{\"id\":\"x\",\"attributes\":{\"status\":\"new\",\"arrival_date\":\"2026-04-03\",\"departure_date\":\"2026-04-03\"}}"))
                .isInstanceOf(ChannelException.class).hasMessageStartingWith("booking x has bad dates");
    }

    private static SqsClient sqs(List<SendMessageBatchRequest> sent, boolean failing) {
        return (SqsClient) Proxy.newProxyInstance(ChannexBookingsTest.class.getClassLoader(), new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
            if (method.getName().equals("sendMessageBatch") && args[0] instanceof Consumer<?> c) {
                var b = SendMessageBatchRequest.builder();
                @SuppressWarnings("unchecked")
                Consumer<SendMessageBatchRequest.Builder> consumer = (Consumer<SendMessageBatchRequest.Builder>) c;
                consumer.accept(b);
                sent.add(b.build());
                return SendMessageBatchResponse.builder().failed(failing ? List.of(BatchResultErrorEntry.builder().id("0").message("throttled").build())
                        : List.of()).build();
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    @Test
    void syncRequestsGoInBatchesOfTenAsJson() {
        List<SendMessageBatchRequest> sent = new ArrayList<>();
        List<SyncRequests.Message> messages = new ArrayList<>();
        for (int i = 0; i < 21; i++) messages.add(new SyncRequests.Message("u", "ch-" + i, "2026-03-02T09:00:00Z"));
        new SyncRequests(sqs(sent, false), "https://sqs.test/q").send(messages);
        assertThat(sent).extracting(r -> r.entries().size()).containsExactly(10, 10, 1);
        assertThat(sent).allSatisfy(r -> assertThat(r.queueUrl()).isEqualTo("https://sqs.test/q"));
        assertThat(sent.get(1).entries().get(0).id()).isEqualTo("0");
        assertThat(sent.get(1).entries().get(9).id()).isEqualTo("9");
        assertThat(Json.tree(sent.get(1).entries().get(0).messageBody()).path("channelId").asText()).isEqualTo("ch-10");
        assertThat(SyncRequests.describe(messages.get(3))).containsEntry("unitId", "u").containsEntry("channelId", "ch-3");

        sent.clear();
        new SyncRequests(sqs(sent, false), "q").send(List.of());
        assertThat(sent).isEmpty();
        assertThatThrownBy(() -> new SyncRequests(sqs(new ArrayList<>(), true), "q").send(messages.subList(0, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("1 sync requests were not queued: throttled");
    }
}
