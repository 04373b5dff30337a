package app.domus.rentals.channels;

import app.domus.rentals.reservations.Reservations;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's channel connections, for the building's managers: connect one (credentials to the credential store), list
 * them with each one's sync health, sync one now (a message on the sync queue: 202).
 */
public class Channels {
    public record Health(String lastAttemptAt, String lastSuccessAt, String lastErrorAt, String lastError, String lastResult,
                         String nextRunAt, String breakerState, String breakerOpenedAt) {}

    public record View(String channelId, String unitId, String type, String name, String propertyId, String createdAt, Health health) {
        static View of(ChannelItem c, Instant now) {
            return new View(c.getId(), c.getUnitId(), c.getType(), c.getName(), c.getPropertyId(), c.getCreatedAt(),
                    new Health(c.getLastAttemptAt(), c.getLastSuccessAt(), c.getLastErrorAt(), c.getLastError(), c.getLastResult(),
                            ChannelSync.nextRun(now).toString(), c.getBreakerState() == null ? "CLOSED" : c.getBreakerState(),
                            c.getBreakerOpenedAt()));
        }
    }

    public record ListView(List<View> items) {}

    public record Queued(String channelId, String requestedAt) {}

    private final DomusTable table;
    private final Reservations reservations;
    private final ChannelCredentials credentials;
    private final SyncRequests queue;
    private final Clock clock;

    public Channels(DomusTable table, Reservations reservations, ChannelCredentials credentials, SyncRequests queue, Clock clock) {
        this.table = table;
        this.reservations = reservations;
        this.credentials = credentials;
        this.queue = queue;
        this.clock = clock;
    }

    public View connect(Caller caller, String unitId, ChannelRequests.Connect request) {
        UnitItem unit = reservations.managed(caller, unitId);
        ChannelItem c = new ChannelItem();
        c.setId(Ids.newId());
        c.setPk(ChannelItem.pk(unitId));
        c.setSk(ChannelItem.sk(c.getId()));
        c.setGsi1pk(ChannelItem.ALL);
        c.setGsi1sk(c.getId());
        c.setOrganisationId(unit.getOrganisationId());
        c.setBuildingId(unit.getBuildingId());
        c.setUnitId(unitId);
        c.setType(request.type());
        c.setName(request.name() == null ? request.type() : request.name().strip());
        c.setCredentialsName(ChannelCredentials.nameOf(c.getId()));
        c.setBreakerState("CLOSED");
        c.setCreatedAt(clock.instant().toString());
        Map<String, String> secret = new LinkedHashMap<>();
        if (ChannelItem.MANAGER.equals(request.type())) {
            c.setPropertyId(request.propertyId());
            secret.put("apiKey", request.apiKey());
        } else {
            secret.put("feedUrl", request.feedUrl());
        }
        credentials.save(c.getCredentialsName(), secret);
        table.of(ChannelItem.class).putItem(c);
        c.setVersion(1L);
        return View.of(c, clock.instant());
    }

    public ListView list(Caller caller, String unitId) {
        reservations.managed(caller, unitId);
        Instant now = clock.instant();
        return new ListView(table.all(ChannelItem.class, ChannelItem.pk(unitId), "CHANNEL#").stream().map(c -> View.of(c, now)).toList());
    }

    public Queued syncNow(Caller caller, String unitId, String channelId) {
        reservations.managed(caller, unitId);
        ChannelItem c = table.get(ChannelItem.class, ChannelItem.pk(unitId), ChannelItem.sk(channelId))
                .orElseThrow(() -> ApiException.notFound("The channel"));
        String at = clock.instant().toString();
        queue.send(List.of(new SyncRequests.Message(unitId, c.getId(), at)));
        return new Queued(c.getId(), at);
    }

    /** Every channel, one sync request each (the schedule's fan-out); returns how many were queued. */
    public int queueAll() {
        String at = clock.instant().toString();
        List<SyncRequests.Message> messages = table.allInIndex(ChannelItem.class, TableItem.GSI1, ChannelItem.ALL).stream()
                .map(c -> new SyncRequests.Message(c.getUnitId(), c.getId(), at)).toList();
        queue.send(messages);
        return messages.size();
    }
}
