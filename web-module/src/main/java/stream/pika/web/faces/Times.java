package stream.pika.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Times on the dashboards: in the event's own time zone, as its organizer plans it. */
@Named("times")
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();


    static LocalDateTime local(Instant instant, String zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zoneOf(zone));
    }

    static Instant instant(LocalDateTime local, String zone) {
        return local == null ? null : local.atZone(zoneOf(zone)).toInstant();
    }

    /** {@code #{times.at(instant, zone)}}: a time as the event's place shows it. */
    public String at(Instant instant, String zone) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zoneOf(zone)));
    }

    /** A time of day in the event's zone ({@code 21:30}). */
    static String clock(Instant instant, String zone) {
        return instant == null ? "" : CLOCK.format(instant.atZone(zoneOf(zone)));
    }

    /** {@code #{times.exact(instant)}}: a moment to the second, in UTC (figures that change every few seconds). */
    public String exact(Instant instant) {
        return instant == null ? "" : EXACT.format(instant.atZone(ZoneId.of("UTC")));
    }

    /** Time zones whose name holds {@code text}, for the zone picker (at most 20). */
    static List<String> zonesLike(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return ZONES.stream().filter(zone -> zone.toLowerCase(Locale.ROOT).contains(wanted)).limit(20).toList();
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
