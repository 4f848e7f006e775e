package stream.pika.events.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.events.control.CalendarTokenRepository;
import stream.pika.events.control.EventAccess;
import stream.pika.events.control.GigCalendar;
import stream.pika.events.control.ScheduleRepository;
import stream.pika.events.entity.BookingStatus;
import stream.pika.events.entity.BookingView;
import stream.pika.events.entity.CalendarToken;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.ScheduleChanged;
import stream.pika.events.entity.ScheduleSlot;
import stream.pika.events.entity.SlotView;
import stream.pika.events.entity.Stage;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.SecretTokens;
import stream.pika.platform.entity.PikaException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * DJ bookings: an organizer invites a DJ to a slot of its event, the DJ accepts or declines; each
 * change is news on the event's topic. A DJ's confirmed gigs are an iCalendar feed, opened by a
 * read-only calendar token of its own (never the DJ's sign-in token).
 */
@Stateless
@DeclareRoles({Roles.ORGANIZER, Roles.DJ})
public class Bookings {

    static final String CALENDAR_PREFIX = "pk_cal_";
    static final String NO_SUCH_DJ = "No DJ account with that id";
    static final String NOT_INVITED = "This slot has no open invitation for you";
    private static final Logger LOG = Logger.getLogger(Bookings.class.getName());

    @Inject
    ScheduleRepository slots;

    @Inject
    EventAccess access;

    @Inject
    CalendarTokenRepository calendarTokens;

    @Inject
    DjAccounts accounts;

    @Inject
    Event<ScheduleChanged> changed;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "pika.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Resource
    SessionContext context;

    @RolesAllowed(Roles.ORGANIZER)
    public SlotView invite(long slotId, long djId) {
        ScheduleSlot slot = ownedSlot(slotId);
        if (!accounts.mayActAsDj(djId)) {
            throw PikaException.invalid(NO_SUCH_DJ);
        }
        slot.invite(djId);
        LOG.info(() -> "DJ account " + djId + " invited to slot " + slotId);
        return news(slot);
    }

    @RolesAllowed(Roles.ORGANIZER)
    public SlotView cancel(long slotId) {
        ScheduleSlot slot = ownedSlot(slotId);
        slot.cancelBooking();
        return news(slot);
    }

    /** The signed-in DJ's bookings (invited, accepted, declined, completed), by start. */
    @RolesAllowed(Roles.DJ)
    public List<BookingView> mine() {
        Instant now = clock.instant();
        return slots.ofDj(CallerIds.of(context)).stream().map(slot -> booking(slot, now)).toList();
    }

    @RolesAllowed(Roles.DJ)
    public SlotView answer(long slotId, boolean accept) {
        ScheduleSlot slot = slots.find(slotId).filter(s -> Long.valueOf(CallerIds.of(context)).equals(s.djId()))
                .orElseThrow(() -> PikaException.notFound(EventMessages.SLOT_NOT_FOUND));
        if (!slot.answer(accept)) {
            throw PikaException.conflict(NOT_INVITED);
        }
        LOG.info(() -> "DJ account " + slot.djId() + (accept ? " accepted" : " declined") + " slot " + slotId);
        return news(slot);
    }

    /** A new calendar feed token for the signed-in DJ (the old one stops working); shown once. */
    @RolesAllowed(Roles.DJ)
    public String newCalendarToken() {
        long dj = CallerIds.of(context);
        String token = SecretTokens.newToken(CALENDAR_PREFIX);
        Instant now = clock.instant();
        Optional<CalendarToken> existing = calendarTokens.find(dj);
        if (existing.isPresent()) {
            existing.get().replace(SecretTokens.hash(token), now);
        } else {
            calendarTokens.add(new CalendarToken(dj, SecretTokens.hash(token), now));
        }
        return token;
    }

    /** {@link #newCalendarToken()} as the feed's address a calendar app subscribes to. */
    @RolesAllowed(Roles.DJ)
    public String newCalendarFeed() {
        return publicUrl.replaceAll("/+$", "") + "/api/dj/bookings.ics?token=" + newCalendarToken();
    }

    /** The confirmed gigs of the DJ whose calendar token this is, as iCalendar text. */
    @PermitAll
    public String calendar(String token) {
        if (!SecretTokens.wellFormed(CALENDAR_PREFIX, token)) {
            throw PikaException.notFound("Calendar not found");
        }
        CalendarToken owner = calendarTokens.findByHash(SecretTokens.hash(token))
                .orElseThrow(() -> PikaException.notFound("Calendar not found"));
        Instant now = clock.instant();
        List<BookingView> gigs = slots.ofDj(owner.userId()).stream()
                .filter(slot -> slot.bookingStatus() == BookingStatus.ACCEPTED || slot.bookingStatus() == BookingStatus.COMPLETED)
                .map(slot -> booking(slot, now)).toList();
        return GigCalendar.of(gigs, now, Optional.ofNullable(URI.create(publicUrl).getHost()).orElse("pika"));
    }

    private ScheduleSlot ownedSlot(long slotId) {
        ScheduleSlot slot = slots.find(slotId).orElseThrow(() -> PikaException.notFound(EventMessages.SLOT_NOT_FOUND));
        access.owned(slot.stage().event().id(), CallerIds.of(context));
        return slot;
    }

    private SlotView news(ScheduleSlot slot) {
        SlotView view = slots.save(slot).view(clock.instant());
        changed.fire(new ScheduleChanged(slot.stage().event().id(), view, ScheduleChanged.Change.BOOKING));
        return view;
    }

    private static BookingView booking(ScheduleSlot slot, Instant now) {
        Stage stage = slot.stage();
        return new BookingView(slot.view(now), stage.event().id(), stage.event().name(), stage.event().timeZone(), stage.id(), stage.name());
    }
}
