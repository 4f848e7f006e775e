package stream.pika.events.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stage as its followers need it, read once and kept a little while: which event it belongs
 * to, whether it still takes followers, and the slots ahead (by start).
 *
 * @param open false once the stage is closed or its event ended: nobody new follows it
 */
public record FollowableStage(long stageId, long eventId, String name, boolean open, List<UpcomingSlot> ahead) {

    public FollowableStage {
        ahead = List.copyOf(ahead);
    }

    /** The slot running at {@code now}, else the next one. */
    public Optional<UpcomingSlot> nextSlot(Instant now) {
        return ahead.stream().filter(slot -> slot.endsAt().isAfter(now)).findFirst();
    }
}
