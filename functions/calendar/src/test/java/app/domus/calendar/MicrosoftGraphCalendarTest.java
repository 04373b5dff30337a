package app.domus.calendar.providers;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.json.Json;
import org.junit.jupiter.api.Test;

/** Graph's event shapes, both ways: all-day dates, times in a named zone, deletions in a delta, the Domus id property. */
class MicrosoftGraphCalendarTest {

    @Test
    void eventsReadAsDatesOrUtcInstantsWithTheirEtagAndDomusId() {
        var allDay = MicrosoftGraphCalendar.event(Json.tree("""
                {"id":"AAMk1","@odata.etag":"W/\\"CQA1\\"","subject":"Holiday","isAllDay":true,
                 "start":{"dateTime":"2031-07-01T00:00:00.0000000","timeZone":"UTC"},"end":{"dateTime":"2031-07-15T00:00:00.0000000","timeZone":"UTC"},
                 "singleValueExtendedProperties":[{"id":"%s","value":"01DOMUS"}]}""".formatted(MicrosoftGraphCalendar.DOMUS_PROPERTY)));
        assertThat(allDay.start()).isEqualTo("2031-07-01");
        assertThat(allDay.end()).isEqualTo("2031-07-15");
        assertThat(allDay.etag()).isEqualTo("W/\"CQA1\"");
        assertThat(allDay.domusEventId()).isEqualTo("01DOMUS");

        var timed = MicrosoftGraphCalendar.event(Json.tree("""
                {"id":"AAMk2","subject":"Dentist","body":{"contentType":"text","content":""},
                 "start":{"dateTime":"2031-04-01T11:00:00.0000000","timeZone":"Europe/Madrid"},"end":{"dateTime":"2031-04-01T12:00:00","timeZone":"Europe/Madrid"}}"""));
        assertThat(timed.start()).isEqualTo("2031-04-01T09:00:00Z");
        assertThat(timed.end()).isEqualTo("2031-04-01T10:00:00Z");
        assertThat(timed.description()).isNull();

        var removed = MicrosoftGraphCalendar.event(Json.tree("{\"id\":\"AAMk3\",\"@removed\":{\"reason\":\"deleted\"}}"));
        assertThat(removed.cancelled()).isTrue();
        assertThat(removed.externalId()).isEqualTo("AAMk3");
    }

    @Test
    void entriesAreWrittenInUtcWithWholeDaysAsAllDayEvents() {
        var allDay = MicrosoftGraphCalendar.body(new CalendarProvider.EventData("Guest check-in", "Stay", "2031-05-01", "2031-05-02"));
        assertThat(allDay.path("isAllDay").asBoolean()).isTrue();
        assertThat(allDay.path("start").path("dateTime").asText()).isEqualTo("2031-05-01T00:00:00");
        var timed = MicrosoftGraphCalendar.body(new CalendarProvider.EventData("Vote closes", null, "2031-05-08T17:30:00Z", "2031-05-08T18:00:00Z"));
        assertThat(timed.path("isAllDay").asBoolean()).isFalse();
        assertThat(timed.path("start").path("dateTime").asText()).isEqualTo("2031-05-08T17:30:00");
        assertThat(timed.path("start").path("timeZone").asText()).isEqualTo("UTC");
        assertThat(MicrosoftGraphCalendar.event(timed.put("id", "x")).start()).isEqualTo("2031-05-08T17:30:00Z");
    }
}
