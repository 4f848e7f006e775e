package stream.pika.events.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import stream.pika.platform.entity.CharLength;

/** What an organizer says of a stage: name, description, capacity, and whether any DJ may play there. */
public record StageDetails(
        @NotBlank(message = "Name is required") @CharLength(max = 100, message = "Name must be at most 100 characters") String name,
        @CharLength(max = 500, message = "Description must be at most 500 characters") String description,
        @Positive(message = "Capacity must be greater than 0") Integer capacity,
        Boolean openToAll) {
}
