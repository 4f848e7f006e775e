package stream.pika.events.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.events.control.EventRepository;
import stream.pika.events.control.StarRepository;
import stream.pika.events.entity.DueReminder;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.StarChange;
import stream.pika.events.entity.StarOwner;
import stream.pika.events.entity.StarredSlots;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;
import stream.pika.push.boundary.PushSubscriptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Slots a dancer stars in the event companion. A signed-in dancer's stars are the account's, on
 * every device (the stars the browser kept before sign-in are sent once and merged); an anonymous
 * dancer's stay in the browser and are sent here only for their reminders, under the phone's push
 * subscription. {@link StarReminders} sends each reminder once.
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
public class SlotStars {

    private static final Logger LOG = Logger.getLogger(SlotStars.class.getName());

    @Inject
    StarRepository stars;

    @Inject
    EventRepository events;

    @Inject
    PushSubscriptions pushSubscriptions;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * The caller's stars in the event after starring and unstarring what the change lists (both
     * may be empty: then it only answers, or sets the reminder's lead).
     *
     * @throws PikaException NOT_FOUND for no such public event, INVALID for a slot of another event,
     *                       a slot both starred and unstarred, or an anonymous caller without a live push subscription
     */
    @PermitAll
    public StarredSlots change(long eventId, @NotNull @Valid StarChange change) {
        publicEvent(eventId);
        StarOwner owner = owner(change.pushEndpoint());
        Set<Long> star = new LinkedHashSet<>(change.starred());
        Set<Long> unstar = new LinkedHashSet<>(change.unstarred());
        if (star.stream().anyMatch(unstar::contains)) {
            throw PikaException.invalid("A slot cannot be starred and unstarred at once");
        }
        List<Long> asked = new ArrayList<>(star);
        asked.addAll(unstar);
        List<Long> known = stars.slotsOf(eventId, asked);
        if (known.size() != asked.size()) {
            List<Long> strangers = asked.stream().filter(id -> !known.contains(id)).toList();
            throw PikaException.invalid("Not slots of this event: " + strangers);
        }
        if (owner.signedIn() && owner.pushEndpoint() != null) {
            pushSubscriptions.bindToAccount(owner.pushEndpoint(), owner.userId());
            int adopted = stars.adopt(owner.pushEndpoint(), owner.userId());
            if (adopted > 0) {
                LOG.info(() -> "Account " + owner.userId() + " took over " + adopted + " star(s) its phone made signed out");
            }
        }
        int minutes = change.remindMinutes() != null ? change.remindMinutes()
                : stars.lead(owner, eventId, StarChange.DEFAULT_REMIND_MINUTES);
        stars.unstar(owner, unstar);
        stars.star(owner, star, minutes, clock.instant());
        if (change.remindMinutes() != null) {
            stars.changeLead(owner, eventId, minutes);
        }
        return starred(owner, eventId);
    }

    /** The signed-in caller's stars in the event; a signed-out browser is told it keeps its own. */
    @PermitAll
    public StarredSlots mine(long eventId) {
        publicEvent(eventId);
        return CallerIds.ifSignedIn(context, Roles.SIGNED_IN)
                .map(account -> starred(StarOwner.account(account, null), eventId))
                .orElseGet(() -> StarredSlots.signedOut(eventId));
    }

    /** Claims the reminders due now (this node sends them; no other node will). */
    @PermitAll
    public List<DueReminder> claimDueReminders(int limit) {
        return stars.claimDue(clock.instant(), limit);
    }

    private StarredSlots starred(StarOwner owner, long eventId) {
        boolean reminders = owner.signedIn() ? pushSubscriptions.hasActive(owner.userId())
                : pushSubscriptions.isActive(owner.pushEndpoint());
        return new StarredSlots(eventId, stars.starred(owner, eventId),
                stars.lead(owner, eventId, StarChange.DEFAULT_REMIND_MINUTES), reminders, owner.signedIn());
    }

    private StarOwner owner(String pushEndpoint) {
        if (pushEndpoint != null) {
            pushSubscriptions.requireActive(pushEndpoint);
        }
        var signedIn = CallerIds.ifSignedIn(context, Roles.SIGNED_IN);
        if (signedIn.isPresent()) {
            return StarOwner.account(signedIn.get(), pushEndpoint);
        }
        if (pushEndpoint == null) {
            throw PikaException.invalid("Sign in, or send pushEndpoint: a signed-out dancer's stars stay in the browser");
        }
        return StarOwner.device(pushEndpoint);
    }

    private Event publicEvent(long eventId) {
        return events.find(eventId).filter(Event::isPublic)
                .orElseThrow(() -> PikaException.notFound(EventMessages.EVENT_NOT_FOUND));
    }
}
