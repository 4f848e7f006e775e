package stream.pika.events.control;

import stream.pika.events.entity.BookingView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A DJ's confirmed gigs as an iCalendar feed (RFC 5545): one VEVENT per accepted or completed
 * slot, times in UTC, text escaped and lines folded at 75 octets, CRLF line ends.
 */
public final class GigCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private GigCalendar() {
    }

    public static String of(List<BookingView> gigs, Instant now, String host) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Pika!//DJ gigs//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("Pika! gigs"));
        for (BookingView gig : gigs) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:slot-" + gig.slot().id() + "@" + host);
            line(ics, "DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
            line(ics, "DTSTART:" + UTC.format(gig.slot().startsAt()));
            line(ics, "DTEND:" + UTC.format(gig.slot().endsAt()));
            line(ics, "SUMMARY:" + text(gig.slot().title() + " · " + gig.stageName()));
            line(ics, "LOCATION:" + text(gig.stageName() + ", " + gig.eventName()));
            line(ics, "DESCRIPTION:" + text(gig.eventName() + " (" + gig.timeZone() + ")"));
            line(ics, "STATUS:CONFIRMED");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT value escaping: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no line is longer than 75 octets (a continuation starts with a space). */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
