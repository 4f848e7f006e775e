package stream.pika.events.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

import java.util.List;

/**
 * {@code POST /api/events/{id}/stars}: slots to star and to unstar, how many minutes before a slot
 * to be reminded, and the phone's push subscription. A signed-in dancer's stars are the account's
 * (the browser's stars sent at sign-in merge into them); an anonymous dancer's need the push
 * endpoint, which is all the server knows of that dancer.
 */
public record StarChange(
        @Size(max = StarChange.MOST, message = "star lists at most " + StarChange.MOST + " slots")
        List<@NotNull(message = "star holds slot ids") @Positive(message = "star holds slot ids") Long> star,
        @Size(max = StarChange.MOST, message = "unstar lists at most " + StarChange.MOST + " slots")
        List<@NotNull(message = "unstar holds slot ids") @Positive(message = "unstar holds slot ids") Long> unstar,
        @Min(value = 1, message = "remindMinutes must be 1 to 120") @Max(value = 120, message = "remindMinutes must be 1 to 120")
        Integer remindMinutes,
        @CharLength(min = 10, max = 2048, message = "pushEndpoint must be 10 to 2048 characters") String pushEndpoint) {

    public static final int MOST = 200;
    public static final int DEFAULT_REMIND_MINUTES = 10;

    public List<Long> starred() {
        return star == null ? List.of() : star;
    }

    public List<Long> unstarred() {
        return unstar == null ? List.of() : unstar;
    }
}
