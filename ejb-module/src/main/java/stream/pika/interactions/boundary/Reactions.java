package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.live.boundary.DjBooth;
import stream.pika.live.boundary.Audience;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.Outcome;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.Topic;

import java.util.Optional;

/** Dancers' thank-you reactions for the DJ, passed on to the room and not stored. */
@ApplicationScoped
public class Reactions {

    @Inject
    Audience audience;

    @Inject
    TopicBus bus;

    @Inject
    RateLimits rateLimits;

    @Inject
    ShadowBanList shadowBans;

    /** SEND_REACTION: a thank-you for the DJ, rate-limited per dancer so a script cannot flood the room. */
    public Outcome react(Caller caller, String named, String reaction) {
        Optional<LiveSession> target = audience.interactionTarget(caller, named);
        if (target.isEmpty()) {
            return Outcome.refused(DjBooth.SESSION_NOT_FOUND);
        }
        String sessionId = target.get().sessionId();
        String who = caller.clientId() != null ? caller.clientId() : caller.connectionId();
        if (!rateLimits.admits(Quota.REACTIONS, who, 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.REACTIONS).limit() + " reactions per "
                    + rateLimits.policy(Quota.REACTIONS).window().toSeconds() + "s)");
        }
        if (shadowBans.mutes(caller.clientId())) {
            return Outcome.done(); // shadow-banned: answered as usual, kept from everyone
        }
        bus.publish(Topic.session(sessionId), new InteractionMessages.ReactionReceived(sessionId, reaction), caller.connectionId());
        return Outcome.done();
    }
}
