package stream.pika.interactions.entity;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import stream.pika.platform.entity.CharLength;
import stream.pika.platform.entity.TextRules;

/** {@code POST /api/dancer/exports}: the likes of an event or of one set, to a new Spotify playlist. */
public record ExportRequest(
        @Positive Long eventId,
        @CharLength(min = 8, max = 64) @Pattern(regexp = TextRules.NO_CONTROLS, message = TextRules.NO_CONTROLS_MESSAGE) String sessionId,
        @CharLength(min = 1, max = 100) @Pattern(regexp = TextRules.NO_CONTROLS, message = TextRules.NO_CONTROLS_MESSAGE) String name) {
}
