package stream.pika.interactions.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;
import stream.pika.platform.entity.TextRules;

/** {@code POST /api/dancer/claim}: the client id whose likes this browser made anonymously. */
public record LikeClaim(
        @NotBlank @CharLength(min = 1, max = 256) @Pattern(regexp = TextRules.NO_CONTROLS, message = TextRules.NO_CONTROLS_MESSAGE) String clientId) {
}
