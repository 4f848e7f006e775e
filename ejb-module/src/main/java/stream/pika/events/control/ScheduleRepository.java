package stream.pika.events.control;

import stream.pika.events.entity.ScheduleSlot;

import java.util.List;
import java.util.Optional;

/** Stored schedule slots. */
public interface ScheduleRepository {

    /**
     * Stores a new slot, or writes a changed one, now.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when it overlaps another slot of its
     *                                                   stage or someone changed it meanwhile; INVALID
     *                                                   when it falls outside its event
     */
    ScheduleSlot save(ScheduleSlot slot);

    Optional<ScheduleSlot> find(long id);

    void remove(ScheduleSlot slot);

    /** Whether the DJ accepted a slot on the stage that runs at {@code now} or starts within {@code lead}. */
    boolean acceptedAround(long stageId, long djId, java.time.Instant now, java.time.Duration lead);

    /** The slots a DJ is booked on (any booking status), by start. */
    List<ScheduleSlot> ofDj(long djId);

    /** The stage's slots not over at {@code now}, by start, at most {@code limit}. */
    List<ScheduleSlot> ahead(long stageId, java.time.Instant now, int limit);

    /** The event's slots, by stage and start. */
    List<ScheduleSlot> ofEvent(long eventId);
}
