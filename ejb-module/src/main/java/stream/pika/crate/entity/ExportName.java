package stream.pika.crate.entity;

import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;
import stream.pika.platform.entity.TextRules;

/** {@code POST /api/sessions/{id}/export-spotify}: the playlist's name, if not the default one. */
public record ExportName(
        @CharLength(min = 1, max = 100) @Pattern(regexp = TextRules.NO_CONTROLS, message = TextRules.NO_CONTROLS_MESSAGE) String name) {
}
