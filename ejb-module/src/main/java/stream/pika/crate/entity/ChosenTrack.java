package stream.pika.crate.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/matches/{id}/choose}: the catalog record the play really is. */
public record ChosenTrack(@NotNull(message = "globalTrackId is required") @Positive Long globalTrackId) {
}
