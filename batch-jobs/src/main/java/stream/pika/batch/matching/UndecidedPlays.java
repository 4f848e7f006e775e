package stream.pika.batch.matching;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.TrackMatching;
import stream.pika.crate.entity.PlayedName;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads the plays no decision names yet, a page at a time; its checkpoint is the last play read. */
@Dependent
@Named("undecidedPlays")
public class UndecidedPlays extends AbstractItemReader {

    static final int PAGE = 1_000;

    @Inject
    TrackMatching matching;

    private final Deque<PlayedName> page = new ArrayDeque<>();
    private long lastRead;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastRead = checkpoint instanceof Long last ? last : 0;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(matching.undecided(lastRead, PAGE));
            exhausted = page.size() < PAGE;
        }
        PlayedName next = page.poll();
        if (next != null) {
            lastRead = next.playedTrackId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }
}
