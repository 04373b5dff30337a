package app.domus.rentals.channels;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import app.domus.shared.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quarter-hourly schedule: one sync request per channel, and how many it queued. */
class ScheduleChannelSyncsHandlerTest {
    private final RentalsFixture f = new RentalsFixture();

    @Test
    void theScheduleQueuesEveryChannelAndSaysHowMany() {
        var handler = new ScheduleChannelSyncsHandler(f.channels);
        assertThat(handler.handleRequest(Map.of(), new TestContext())).isEqualTo(Map.of("queued", 0));
        f.channels.connect(caller(f.mia), f.unit.getId(), new ChannelRequests.Connect(ChannelItem.ICAL, null, null, null, "https://f.example.test/a.ics"));
        f.channels.connect(caller(f.mia), f.unit.getId(), new ChannelRequests.Connect(ChannelItem.ICAL, null, null, null, "https://f.example.test/b.ics"));
        assertThat(handler.handleRequest(Map.of(), new TestContext())).isEqualTo(Map.of("queued", 2));
        assertThat(f.queued).hasSize(2).allSatisfy(m -> assertThat(m.unitId()).isEqualTo(f.unit.getId()));
    }
}
