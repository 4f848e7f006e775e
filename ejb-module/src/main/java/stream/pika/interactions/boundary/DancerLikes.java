package stream.pika.interactions.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.identity.entity.Roles;
import stream.pika.interactions.control.DancerLikeRepository;
import stream.pika.interactions.control.TrackKeys;
import stream.pika.interactions.entity.ClaimedLikes;
import stream.pika.interactions.entity.DancerLike;
import stream.pika.interactions.entity.DancerLikeMessages;
import stream.pika.interactions.entity.LikeClaim;
import stream.pika.interactions.entity.LikeGroup;
import stream.pika.interactions.entity.LikesPage;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A signed-in dancer's likes from every device: claiming a browser's anonymous likes, the
 * journal (grouped by event and set, newest first), and taking a like back from anywhere.
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
@RolesAllowed(Roles.SIGNED_IN)
public class DancerLikes {

    public static final int PAGE_SIZE = 50;
    private static final Logger LOG = Logger.getLogger(DancerLikes.class.getName());

    @Inject
    DancerLikeRepository repository;

    @Inject
    Likes likes;

    @Inject
    RateLimits rateLimits;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * The likes this browser ({@code device}: the hash of its device cookie) made under the
     * client id become the caller's, once per client id.
     *
     * @throws PikaException FORBIDDEN when this browser made no likes under it, CONFLICT when claimed before
     */
    public ClaimedLikes claim(@NotNull @Valid LikeClaim claim, String device) {
        long userId = CallerIds.of(context);
        rateLimits.enforce(Quota.LIKE_CLAIMS, Long.toString(userId));
        if (device == null) {
            throw PikaException.forbidden(DancerLikeMessages.NO_DEVICE);
        }
        if (!repository.usedHere(claim.clientId(), device)) {
            throw PikaException.forbidden(DancerLikeMessages.NOT_USED_HERE);
        }
        int claimed = repository.claim(userId, claim.clientId(), device, clock.instant())
                .orElseThrow(() -> PikaException.conflict(DancerLikeMessages.CLAIMED_ALREADY));
        LOG.info(() -> "Account " + userId + " claimed " + claimed + " like(s) of a device");
        return new ClaimedLikes(claim.clientId(), claimed);
    }

    /** The caller's likes, {@value #PAGE_SIZE} a page, optionally of one event only. */
    public LikesPage mine(Long eventId, int page) {
        long userId = CallerIds.of(context);
        if (page < 1 || page > Page.MAX_PAGE) {
            throw PikaException.invalid("page must be between 1 and " + Page.MAX_PAGE);
        }
        List<DancerLikeRepository.Row> rows = repository.page(userId, eventId, Page.offset(page, PAGE_SIZE), PAGE_SIZE);
        Map<String, String> spotify = repository.spotifyStates(userId,
                rows.stream().map(r -> TrackKeys.of(r.artist(), r.title())).distinct().toList());
        List<LikeGroup> groups = new ArrayList<>();
        List<DancerLike> current = null;
        DancerLikeRepository.Row head = null;
        for (DancerLikeRepository.Row row : rows) {
            if (head == null || !head.sessionId().equals(row.sessionId()) || !Objects.equals(head.eventId(), row.eventId())) {
                current = new ArrayList<>();
                head = row;
                groups.add(new LikeGroup(row.eventId(), row.eventName(), row.sessionId(), row.djName(), row.startedAt(), current));
            }
            current.add(new DancerLike(row.id(), row.artist(), row.title(), row.likedAt(), spotify.get(TrackKeys.of(row.artist(), row.title()))));
        }
        return new LikesPage(groups, page, PAGE_SIZE, repository.count(userId, eventId));
    }

    /** Takes one of the caller's likes back, on every device and in "Pika! Likes". */
    public void remove(long likeId) {
        long userId = CallerIds.of(context);
        DancerLikeRepository.Removed removed = repository.remove(userId, likeId, clock.instant())
                .orElseThrow(() -> PikaException.notFound(DancerLikeMessages.LIKE_NOT_FOUND));
        likes.takenBack(removed.sessionId(), userId, removed.artist(), removed.title());
    }
}
