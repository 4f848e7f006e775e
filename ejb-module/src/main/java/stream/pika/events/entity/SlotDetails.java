package stream.pika.events.entity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;

import java.time.Instant;

/** What an organizer says of a slot: when, what it is called, what kind. */
public record SlotDetails(
        @NotNull(message = "startsAt is required") Instant startsAt,
        @NotNull(message = "endsAt is required") Instant endsAt,
        @NotBlank(message = "Title is required") @CharLength(max = 100, message = "Title must be at most 100 characters") String title,
        @Pattern(regexp = "social|workshop|competition|other", message = "kind must be social, workshop, competition or other")
        String kind) {

    @AssertTrue(message = "endsAt must be after startsAt")
    public boolean isOrdered() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }
}
