package stream.pika.events.entity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import stream.pika.platform.entity.CharLength;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** What an organizer says of an event: its name, description, when it runs and in which time zone. */
public record EventDetails(
        @NotBlank(message = "Name is required") @CharLength(max = 100, message = "Name must be at most 100 characters") String name,
        @CharLength(max = 500, message = "Description must be at most 500 characters") String description,
        @NotNull(message = "startsAt is required") Instant startsAt,
        @NotNull(message = "endsAt is required") Instant endsAt,
        @NotBlank(message = "timeZone is required") String timeZone) {

    /** Longer than any festival: a typo in a year is caught here. */
    static final Duration LONGEST = Duration.ofDays(31);

    @AssertTrue(message = "endsAt must be after startsAt, and an event lasts at most 31 days")
    public boolean isSpanSensible() {
        return startsAt == null || endsAt == null
                || endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(LONGEST) <= 0;
    }

    @AssertTrue(message = "timeZone must be an IANA time zone such as Europe/Paris")
    public boolean isTimeZoneKnown() {
        if (timeZone == null || timeZone.isBlank()) {
            return true; // @NotBlank says so
        }
        try {
            return ZoneId.of(timeZone).getId().equals(timeZone) && timeZone.contains("/") || "UTC".equals(timeZone);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
