package stream.pika.crate.entity;

import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;

/** {@code POST /api/sessions/{id}/export-spotify}: the playlist's name, if not the default one. */
public record ExportName(
        @CharLength(min = 1, max = 100) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name) {
}
