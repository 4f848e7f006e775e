package stream.pika.events.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.events.control.EventAccess;
import stream.pika.events.control.EventAnnouncementRepository;
import stream.pika.events.entity.AnnouncementMade;
import stream.pika.events.entity.AnnouncementRequest;
import stream.pika.events.entity.AnnouncementView;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventAnnouncement;
import stream.pika.events.entity.EventAnnouncementReceived;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.EventStatus;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;
import stream.pika.push.boundary.PushNotifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * An organizer's announcements to everyone following a stage of the event ("the workshop moves to
 * room 2"): over {@code /ws} (SEND_EVENT_ANNOUNCEMENT from a connection authenticated as the
 * organizer) and {@code POST /api/events/{id}/announcements}, one rule for both. Kept with the
 * event; with push, every follower's device gets one push, however many stages it follows.
 */
@Stateless
@DeclareRoles({Roles.ORGANIZER, Roles.SIGNED_IN})
public class EventAnnouncements {

    /** The refusal of anyone but the event's organizer, whatever the reason (as the live protocol's other refusals). */
    public static final String UNAUTHORIZED = "Unauthorized";
    /** Pushes of one announcement at most: every device of a big weekend, not more. */
    static final int MAX_PUSH_DEVICES = 20_000;
    private static final int HISTORY = 100;
    private static final Logger LOG = Logger.getLogger(EventAnnouncements.class.getName());

    @Inject
    EventAnnouncementRepository announcements;

    @Inject
    EventAccess access;

    @Inject
    DjAccounts accounts;

    @Inject
    StageFollows follows;

    @Inject
    RateLimits rateLimits;

    @Inject
    PushNotifications push;

    @Inject
    jakarta.enterprise.event.Event<AnnouncementMade> made;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** {@code POST /api/events/{id}/announcements}: as the signed-in organizer. */
    @RolesAllowed(Roles.ORGANIZER)
    public AnnouncementView announce(long eventId, @NotNull @Valid AnnouncementRequest request) {
        return announceAs(CallerIds.of(context), eventId, request);
    }

    /**
     * As the user a live connection authenticated as (its roles and standing are read now).
     *
     * @throws PikaException FORBIDDEN ({@link #UNAUTHORIZED}) unless the user is the event's
     *                       organizer, NOT_FOUND for no such event, CONFLICT for a draft or an
     *                       ended event, RATE_LIMITED past the organizer's announcement or push quota
     */
    @PermitAll
    public AnnouncementView announceAs(long organizerId, long eventId, @NotNull @Valid AnnouncementRequest request) {
        if (accounts.sessionUser(organizerId).filter(user -> user.has(Role.ORGANIZER)).isEmpty()) {
            throw PikaException.forbidden(UNAUTHORIZED);
        }
        Event event;
        try {
            event = access.owned(eventId, organizerId);
        } catch (PikaException e) {
            throw e.kind() == PikaException.Kind.FORBIDDEN ? PikaException.forbidden(UNAUTHORIZED) : e;
        }
        if (!event.isPublic()) {
            throw PikaException.conflict(EventMessages.NOT_PUBLISHED);
        }
        if (event.status() == EventStatus.ENDED) {
            throw PikaException.conflict(EventMessages.ENDED);
        }
        String sender = "organizer:" + organizerId;
        rateLimits.enforce(Quota.EVENT_ANNOUNCEMENTS, sender);
        if (request.withPush()) {
            push.admit(sender);
        }
        EventAnnouncement announcement = announcements.add(new EventAnnouncement(eventId, organizerId, request, clock.instant()));
        List<String> devices = request.withPush() ? follows.pushDevices(eventId, MAX_PUSH_DEVICES) : List.of();
        if (request.withPush()) {
            announcement.pushedTo(devices.size());
        }
        made.fire(new AnnouncementMade(announcement.message(), event.name(), devices, request.withPush()));
        LOG.info(() -> "Organizer " + organizerId + " announced to event " + eventId + " (" + request.level().value()
                + (request.withPush() ? ", push to " + devices.size() + " device(s)" : "") + ")");
        return announcement.view().reaching(follows.followers(eventId));
    }

    /** The event's announcements, newest first (the organizer's history). */
    @RolesAllowed(Roles.ORGANIZER)
    public List<AnnouncementView> history(long eventId) {
        access.owned(eventId, CallerIds.of(context));
        return announcements.since(eventId, Instant.EPOCH, HISTORY).stream().map(EventAnnouncement::view).toList();
    }

    /** Announcements made after {@code since}, newest first (for {@link RecentAnnouncements}). */
    @PermitAll
    public List<EventAnnouncementReceived> since(long eventId, Instant since, int limit) {
        return announcements.since(eventId, since, limit).stream().map(EventAnnouncement::message).toList();
    }
}
