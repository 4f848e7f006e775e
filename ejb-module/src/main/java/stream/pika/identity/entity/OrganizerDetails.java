package stream.pika.identity.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

/** What an organizer application tells the admins: who organizes, where to read about it, why. */
public record OrganizerDetails(
        @NotBlank(message = "Organization is required")
        @CharLength(max = 100, message = "Organization must be at most 100 characters")
        String organization,

        @Size(max = 200, message = "Website must be at most 200 characters")
        @Pattern(regexp = "(https?://[^\\s<>\"']+)?", message = "Website must be an http(s) address")
        String website,

        @CharLength(max = 1000, message = "Message must be at most 1000 characters")
        String message) {
}
