package stream.pika.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.events.entity.FollowableStage;
import stream.pika.events.entity.ScheduleChanged;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The stages dancers follow, kept for a few seconds: a room of dancers scanning the same QR code
 * reads the stage once, not once each, on the thread that serves their connections. A schedule
 * change on this node is seen at once; anything else within {@link #FRESH_SECONDS}.
 */
@ApplicationScoped
public class StageGuide {

    static final long FRESH_SECONDS = 15;
    /** Beyond this many remembered stages (unknown ids included) the memory starts over. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Entry(Optional<FollowableStage> stage, long readAtNanos) {
        boolean fresh() {
            return System.nanoTime() - readAtNanos < TimeUnit.SECONDS.toNanos(FRESH_SECONDS);
        }
    }

    @Inject
    Stages stages;

    private final Map<Long, Entry> remembered = new ConcurrentHashMap<>();

    /** The stage, if dancers may follow it (see {@link Stages#followable}). */
    public Optional<FollowableStage> stage(long stageId) {
        Entry known = remembered.get(stageId);
        if (known != null && known.fresh()) {
            return known.stage();
        }
        Optional<FollowableStage> read = stages.followable(stageId);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(stageId, new Entry(read, System.nanoTime()));
        return read;
    }

    void scheduleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleChanged change) {
        remembered.remove(change.slot().stageId());
    }
}
