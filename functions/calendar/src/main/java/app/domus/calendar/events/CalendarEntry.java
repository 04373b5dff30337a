package app.domus.calendar.events;

import java.util.Objects;

/** What an entry says: title, description, start and end (ISO instants, or dates for a whole day, end exclusive). */
public record CalendarEntry(String title, String description, String start, String end) {
    public static CalendarEntry of(CalendarEventItem e) {
        return new CalendarEntry(e.getTitle(), e.getDescription(), e.getStart(), e.getEnd());
    }

    public boolean sameAs(CalendarEventItem e) {
        return Objects.equals(title, e.getTitle()) && Objects.equals(blankToNull(description), blankToNull(e.getDescription()))
                && Objects.equals(start, e.getStart()) && Objects.equals(end, e.getEnd());
    }

    public void applyTo(CalendarEventItem e) {
        e.setTitle(title);
        e.setDescription(description);
        e.setStart(start);
        e.setEnd(end);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
