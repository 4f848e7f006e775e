package stream.pika.batch.matching;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.MatchingRuns;
import stream.pika.crate.boundary.TrackMatching;
import stream.pika.crate.entity.PlayedName;

import java.util.List;

/** Decides a chunk of plays against the catalog and records the decisions (one call each, batched in SQL). */
@Dependent
@Named("matchWriter")
public class MatchWriter extends AbstractItemWriter {

    @Inject
    TrackMatching matching;

    @Inject
    MatchingRuns runs;

    @Inject
    @BatchProperty(name = "lease")
    String lease;

    /** "false": the catalog alone decides (no Spotify search), as the accuracy measurement runs it. */
    @Inject
    @BatchProperty(name = "spotify")
    String spotify;

    @Override
    public void writeItems(List<Object> items) {
        List<PlayedName> plays = items.stream().map(PlayedName.class::cast).toList();
        matching.record(matching.decide(plays, !"false".equals(spotify)));
        if (lease != null && !lease.isEmpty()) {
            runs.stillRunning(lease); // this run still holds the job
        }
    }
}
