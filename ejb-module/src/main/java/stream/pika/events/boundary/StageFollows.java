package stream.pika.events.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.events.control.StageFollowRepository;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.FollowRequest;
import stream.pika.events.entity.FollowableStage;
import stream.pika.events.entity.StageFollow;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;
import stream.pika.push.boundary.PushSubscriptions;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Devices that follow a stage for its event's pushes ({@code POST /api/stages/{id}/subscribe}): a
 * phone that scanned the QR code and allowed notifications gets the organizer's announcements even
 * with the page closed. One row per stage and device; following again updates it.
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
public class StageFollows {

    private static final Logger LOG = Logger.getLogger(StageFollows.class.getName());

    @Inject
    StageFollowRepository follows;

    @Inject
    StageGuide guide;

    @Inject
    PushSubscriptions pushSubscriptions;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * @throws PikaException NOT_FOUND for no such stage (or a draft's), CONFLICT for a closed one,
     *                       INVALID for a push endpoint that is not a live subscription
     */
    @PermitAll
    public StageFollow follow(long stageId, @NotNull @Valid FollowRequest request) {
        FollowableStage stage = guide.stage(stageId).orElseThrow(() -> PikaException.notFound(EventMessages.STAGE_NOT_FOUND));
        if (!stage.open()) {
            throw PikaException.conflict(EventMessages.STAGE_CLOSED);
        }
        String endpoint = request.pushEndpoint();
        if (endpoint != null) {
            pushSubscriptions.requireActive(endpoint);
        }
        follows.follow(stageId, request.clientId(), endpoint, CallerIds.ifSignedIn(context, Roles.SIGNED_IN).orElse(null),
                clock.instant());
        LOG.fine(() -> "A device follows stage " + stageId + (endpoint != null ? " with push" : ""));
        return new StageFollow(stageId, stage.eventId(), request.clientId(), endpoint != null);
    }

    /** @throws PikaException NOT_FOUND when the device does not follow the stage */
    @PermitAll
    public void unfollow(long stageId, String clientId) {
        if (!follows.unfollow(stageId, clientId, clock.instant())) {
            throw PikaException.notFound("This device does not follow this stage");
        }
    }

    /** The push devices of the event's followers, each once (however many of its stages a device follows). */
    @PermitAll
    public List<String> pushDevices(long eventId, int limit) {
        return follows.pushEndpoints(eventId, limit);
    }

    /** How many devices follow a stage of the event now. */
    @PermitAll
    public int followers(long eventId) {
        return follows.followers(eventId);
    }
}
