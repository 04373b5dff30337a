package app.domus.local.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)}, {@code cron(0 8 ? * MON-FRI *)} (minutes, hours,
 * day-of-month, month, day-of-week with 1 = Sunday, year; {@code L} and {@code #} supported, {@code W} not), or
 * the Scheduler's one-time {@code at(2030-01-01T09:00:00)}.
 */
public abstract sealed class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.*)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    public static ScheduleExpression parse(String expression) {
        String trimmed = expression.trim();
        Matcher rate = RATE.matcher(trimmed);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            ChronoUnit unit = switch (rate.group(2).replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new Rate(Duration.of(amount, unit));
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) return Cron.parse(cron.group(1).trim().split("\\s+"));
        Matcher at = AT.matcher(trimmed);
        if (at.matches()) return new At(LocalDateTime.parse(at.group(1).trim()));
        throw new IllegalArgumentException("Not a schedule expression: " + expression);
    }

    /** The first fire time strictly after {@code after}, if the schedule fires again at all. */
    public abstract Optional<Instant> nextAfter(Instant after, ZoneId zone);

    /** A rate counts from when the schedule was created: locally, from the start of the local cloud. */
    static final class Rate extends ScheduleExpression {
        private final Duration interval;

        Rate(Duration interval) {
            this.interval = interval;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            return Optional.of(after.plus(interval));
        }
    }

    static final class At extends ScheduleExpression {
        private final LocalDateTime when;

        At(LocalDateTime when) {
            this.when = when;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            Instant instant = when.atZone(zone).toInstant();
            return instant.isAfter(after) ? Optional.of(instant) : Optional.empty();
        }
    }

    static final class Cron extends ScheduleExpression {
        private static final int YEARS_AHEAD = 5;

        private final BitSet minutes;
        private final BitSet hours;
        private final BitSet months;
        private final BitSet years;
        private final Predicate<LocalDate> dayMatches;

        private Cron(BitSet minutes, BitSet hours, BitSet months, BitSet years, Predicate<LocalDate> dayMatches) {
            this.minutes = minutes;
            this.hours = hours;
            this.months = months;
            this.years = years;
            this.dayMatches = dayMatches;
        }

        static Cron parse(String[] fields) {
            if (fields.length != 6) throw new IllegalArgumentException("cron() needs 6 fields, got " + String.join(" ", fields));
            BitSet minutes = values(fields[0], 0, 59, List.of());
            BitSet hours = values(fields[1], 0, 23, List.of());
            BitSet months = values(fields[3], 1, 12, MONTHS);
            BitSet years = values(fields[5], 1970, 2199, List.of());
            return new Cron(minutes, hours, months, years, dayPredicate(fields[2], fields[4]));
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            LocalDate day = start.toLocalDate();
            LocalDate last = day.plusYears(YEARS_AHEAD);
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !dayMatches.test(day)) continue;
                boolean firstDay = day.equals(start.toLocalDate());
                for (int hour = hours.nextSetBit(firstDay ? start.getHour() : 0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                    boolean firstHour = firstDay && hour == start.getHour();
                    int minute = minutes.nextSetBit(firstHour ? start.getMinute() : 0);
                    if (minute >= 0) return Optional.of(day.atTime(hour, minute).atZone(zone).toInstant());
                }
            }
            return Optional.empty();
        }

        private static Predicate<LocalDate> dayPredicate(String dayOfMonth, String dayOfWeek) {
            if (!dayOfMonth.equals("?") && !dayOfWeek.equals("?")) {
                throw new IllegalArgumentException("cron(): one of day-of-month and day-of-week must be '?'");
            }
            if (!dayOfWeek.equals("?")) return dayOfWeekPredicate(dayOfWeek);
            if (dayOfMonth.equals("L")) return day -> day.equals(day.with(TemporalAdjusters.lastDayOfMonth()));
            if (dayOfMonth.contains("W")) throw new IllegalArgumentException("cron(): the W day-of-month is not supported locally");
            BitSet days = values(dayOfMonth, 1, 31, List.of());
            return day -> days.get(day.getDayOfMonth());
        }

        private static Predicate<LocalDate> dayOfWeekPredicate(String field) {
            Matcher nth = Pattern.compile("(\\w+)#(\\d)").matcher(field);
            if (nth.matches()) {
                DayOfWeek weekday = dayOfWeek(index(nth.group(1), DAYS, 1));
                int ordinal = Integer.parseInt(nth.group(2));
                return day -> day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday)));
            }
            if (field.endsWith("L") && field.length() > 1) {
                DayOfWeek weekday = dayOfWeek(index(field.substring(0, field.length() - 1), DAYS, 1));
                return day -> day.equals(day.with(TemporalAdjusters.lastInMonth(weekday)));
            }
            BitSet days = values(field, 1, 7, DAYS);
            return day -> days.get(day.getDayOfWeek().getValue() % 7 + 1);
        }

        /** 1 = Sunday, as in EventBridge cron. */
        private static DayOfWeek dayOfWeek(int eventBridgeDay) {
            return DayOfWeek.SUNDAY.plus(eventBridgeDay - 1);
        }

        private static BitSet values(String field, int min, int max, List<String> names) {
            BitSet set = new BitSet(max + 1);
            for (String part : field.split(",")) {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = Integer.parseInt(part.substring(slash + 1));
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    from = index(range.substring(0, range.indexOf('-')), names, min);
                    to = index(range.substring(range.indexOf('-') + 1), names, min);
                } else {
                    from = index(range, names, min);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) throw new IllegalArgumentException("cron(): '" + part + "' is outside " + min + "-" + max);
                for (int value = from; value <= to; value += step) set.set(value);
            }
            return set;
        }

        private static int index(String value, List<String> names, int firstNameValue) {
            int named = names.indexOf(value.toUpperCase(Locale.ROOT));
            return named >= 0 ? named + firstNameValue : Integer.parseInt(value);
        }
    }
}
