package stream.pika.live.entity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

import java.math.BigDecimal;

/**
 * A track as the DJ app describes it (protocol {@code TrackInfo}): title and artist, and the
 * app's audio analysis when it has one. Numbers stay as sent (the protocol allows fractions).
 */
public record TrackInfo(
        @NotBlank @CharLength(max = 500) String title,
        @NotBlank @CharLength(max = 500) String artist,
        @DecimalMin("40") @DecimalMax("300") BigDecimal bpm,
        @CharLength(max = 10) String key,
        @DecimalMin("0") @DecimalMax("100") BigDecimal energy,
        @DecimalMin("0") @DecimalMax("100") BigDecimal danceability,
        @DecimalMin("0") @DecimalMax("100") BigDecimal brightness,
        @DecimalMin("0") @DecimalMax("100") BigDecimal acousticness,
        @DecimalMin("0") @DecimalMax("100") BigDecimal groove) {

    /** The protocol trims title and artist before checking them. */
    public TrackInfo {
        title = title == null ? null : title.strip();
        artist = artist == null ? null : artist.strip();
    }

    /** Same artist and title, exactly (the original's notion of "the same track"). */
    public boolean sameTrackAs(TrackInfo other) {
        return other != null && artist.equals(other.artist) && title.equals(other.title);
    }
}
