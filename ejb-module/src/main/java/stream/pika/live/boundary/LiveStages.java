package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.boundary.Events;
import stream.pika.events.boundary.Stages;
import stream.pika.events.entity.OnAir;
import stream.pika.events.entity.StageView;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Events and stages with what is live on them now ({@code GET /api/events/{id}}, {@code GET /api/stages/{id}}). */
@ApplicationScoped
public class LiveStages {

    @Inject
    Events events;

    @Inject
    Stages stages;

    @Inject
    LiveStateStore store;

    @Inject
    Audience audience;

    @Inject
    Clock clock;

    /** The event (as {@link Events#event}), each stage with the set on air there. */
    public Events.EventWithStages event(long eventId) {
        Events.EventWithStages found = events.event(eventId);
        Instant now = now();
        return new Events.EventWithStages(found.event(), found.stages().stream().map(stage -> withOnAir(stage, now)).toList());
    }

    /** The stage (as {@link Stages#stage}), with the set on air there. */
    public StageView stage(long stageId) {
        return withOnAir(stages.stage(stageId), now());
    }

    private StageView withOnAir(StageView stage, Instant now) {
        Optional<LiveSession> live = store.stageHolder(stage.id()).flatMap(store::session);
        return live.map(set -> stage.onAir(new OnAir(set.sessionId(), set.djName(), playing(set.currentTrack()),
                audience.listeners(set, now)))).orElse(stage);
    }

    private static OnAir.Playing playing(TrackInfo track) {
        return track == null ? null : new OnAir.Playing(track.title(), track.artist(), track.bpm());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
