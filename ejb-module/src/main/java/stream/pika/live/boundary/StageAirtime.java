package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.boundary.StageGuide;
import stream.pika.events.entity.FollowableStage;
import stream.pika.events.entity.UpcomingSlot;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who is on air on a stage, as its followers hear it: the set live on a stage is relayed into the
 * stage's topic on every node, so a follower hears whoever plays without doing anything, and a
 * hand-over from one DJ to the next moves every follower at once (nobody re-subscribes).
 */
@ApplicationScoped
public class StageAirtime {

    private static final Logger LOG = Logger.getLogger(StageAirtime.class.getName());

    @Inject
    TopicBus bus;

    @Inject
    LiveStateStore store;

    @Inject
    StageGuide guide;

    /** A set went live (or resumed) on its stage: from now on its messages reach the stage's followers. */
    void onAir(LiveSession session) {
        if (session.stageId() != null) {
            bus.relay(Topic.stage(session.stageId()), Topic.session(session.sessionId()));
        }
    }

    /**
     * The set on the stage is over (its SESSION_ENDED already reached the followers): they stop
     * hearing it and learn that nobody plays, and what the schedule has next, unless the next DJ
     * took the stage meanwhile.
     */
    void offAir(LiveSession session, Instant now) {
        Long stageId = session.stageId();
        if (stageId == null) {
            return;
        }
        Topic stage = Topic.stage(stageId);
        bus.endRelay(stage, Topic.session(session.sessionId()));
        if (store.stageHolder(stageId).isEmpty()) {
            bus.publish(stage, idle(stageId, now), null);
            LOG.info(() -> "Stage " + stageId + " is idle: session " + session.sessionId() + " ended");
        }
    }

    /** What a follower of an idle stage is told. */
    LiveMessages.StageIdle idle(long stageId, Instant now) {
        UpcomingSlot next = guide.stage(stageId).flatMap(stage -> stage.nextSlot(now)).orElse(null);
        return new LiveMessages.StageIdle(stageId, next);
    }

    /** The set on air on the stage now, by the store (the truth), with this node's relay set to match. */
    Optional<LiveSession> onAirNow(long stageId) {
        Optional<String> holder = store.stageHolder(stageId);
        Optional<LiveSession> live = holder.flatMap(store::session);
        agree(stageId, live.map(LiveSession::sessionId));
        return live;
    }

    /** The stage dancers may follow, if it exists (cached). */
    Optional<FollowableStage> followable(long stageId) {
        return guide.stage(stageId);
    }

    /**
     * Brings this node's relays into the stages its dancers follow in line with the store: a relay
     * order that did not arrive (Redis away for a moment) is repaired within one round.
     */
    public void reconcile(Collection<Long> stagesFollowedHere) {
        for (Long stageId : stagesFollowedHere) {
            agree(stageId, store.stageHolder(stageId));
        }
    }

    private void agree(long stageId, Optional<String> sessionId) {
        Topic stage = Topic.stage(stageId);
        Optional<Topic> wanted = sessionId.map(Topic::session);
        if (!bus.relayInto(stage).equals(wanted)) {
            bus.relayHere(stage, wanted);
            LOG.fine(() -> "Stage " + stageId + " relay set to " + wanted.map(Topic::name).orElse("nothing") + " on this node");
        }
    }
}
