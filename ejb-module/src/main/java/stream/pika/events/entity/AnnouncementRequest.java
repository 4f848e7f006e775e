package stream.pika.events.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;

/**
 * What an organizer announces to an event's followers: {@code {"message": "…", "priority":
 * "info|warning|urgent", "push": true}} (priority {@code info} when omitted).
 */
public record AnnouncementRequest(
        @NotNull(message = "message is required") @CharLength(min = 1, max = 500, message = "message must be 1 to 500 characters")
        String message,
        @Pattern(regexp = "info|warning|urgent", message = "priority must be info, warning or urgent") String priority,
        Boolean push) {

    public AnnouncementRequest {
        message = message == null ? null : message.strip();
    }

    public AnnouncementPriority level() {
        return priority == null ? AnnouncementPriority.INFO : AnnouncementPriority.named(priority).orElseThrow();
    }

    public boolean withPush() {
        return Boolean.TRUE.equals(push);
    }
}
