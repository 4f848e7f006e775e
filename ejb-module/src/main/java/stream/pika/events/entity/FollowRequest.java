package stream.pika.events.entity;

import jakarta.validation.constraints.NotNull;
import stream.pika.platform.entity.CharLength;

/**
 * A device follows a stage: {@code {"clientId": "…", "pushEndpoint": "https://…"}}. The push
 * endpoint is a subscription the device registered at {@code POST /api/push/subscribe}: with it the
 * device gets the event's announcements as pushes, even with the page closed.
 */
public record FollowRequest(
        @NotNull(message = "clientId is required") @CharLength(min = 8, max = 256, message = "clientId must be 8 to 256 characters")
        String clientId,
        @CharLength(min = 1, max = 2048, message = "pushEndpoint must be at most 2048 characters") String pushEndpoint) {
}
