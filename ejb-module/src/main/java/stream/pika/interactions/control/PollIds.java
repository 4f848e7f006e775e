package stream.pika.interactions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import stream.pika.platform.entity.ApplicationStarted;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Poll ids reserved ahead from the database's own sequence, so START_POLL answers with the poll's
 * database id without waiting for the database on the DJ's connection: the row is written later,
 * in the session's order, with that id. A few are kept in hand and refilled in the background;
 * ids of a stopped node are never used (a gap, as a sequence may have anyway).
 */
@ApplicationScoped
public class PollIds {

    static final int BATCH = 20;
    static final int LOW = 5;
    private static final Logger LOG = Logger.getLogger(PollIds.class.getName());

    @Inject
    InteractionArchive archive;

    @Resource
    ManagedExecutorService executor;

    private final ConcurrentLinkedQueue<Long> reserved = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean refilling = new AtomicBoolean();

    /** The first batch, once the application serves (its schema is migrated by then). */
    void atStart(@Observes ApplicationStarted started) {
        refill();
    }

    /** A reserved id, or empty when none is in hand (the database has not answered lately). */
    public Optional<Long> take() {
        Long id = reserved.poll();
        if (reserved.size() < LOW) {
            refill();
        }
        return Optional.ofNullable(id);
    }

    /** Reserves the next batch in the background (one refill at a time). */
    public void refill() {
        if (!refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    List<Long> ids = archive.reservePollIds(BATCH);
                    reserved.addAll(ids);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Could not reserve poll ids (" + e.getMessage() + "); a poll can start once the database answers");
                } finally {
                    refilling.set(false);
                }
            });
        } catch (RuntimeException e) {
            refilling.set(false);
            LOG.warning(() -> "Could not schedule the reservation of poll ids: " + e);
        }
    }
}
