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
import stream.pika.events.control.EventRepository;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventDetails;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.EventView;
import stream.pika.events.entity.Stage;
import stream.pika.events.entity.StageView;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Events: an organizer creates, changes, publishes, starts and ends its own; everyone reads the
 * published ones.
 */
@Stateless
@DeclareRoles({Roles.ORGANIZER, Roles.SIGNED_IN})
public class Events {

    public static final int PAGE_SIZE = 50;
    private static final Logger LOG = Logger.getLogger(Events.class.getName());

    /** An event with its stages. */
    public record EventWithStages(EventView event, List<StageView> stages) {
    }

    @Inject
    EventRepository events;

    @Inject
    EventAccess access;

    @Inject
    DjAccounts accounts;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @RolesAllowed(Roles.ORGANIZER)
    public EventView create(@NotNull @Valid EventDetails details) {
        long organizer = CallerIds.of(context);
        Event event = events.add(new Event(organizer, details, clock.instant()));
        LOG.info(() -> "Event " + event.id() + " created by organizer " + organizer);
        return event.view();
    }

    @RolesAllowed(Roles.ORGANIZER)
    public EventView change(long eventId, @NotNull @Valid EventDetails details) {
        Event event = access.owned(eventId, CallerIds.of(context));
        if (event.status() == EventStatus.ENDED) {
            throw PikaException.conflict(EventMessages.ENDED);
        }
        event.change(details);
        events.flush(); // the database refuses an event that would leave its slots outside it
        return event.view();
    }

    /** Moves the event on: {@code published}, {@code active} or {@code ended}. */
    @RolesAllowed(Roles.ORGANIZER)
    public EventView moveTo(long eventId, @NotNull EventStatus next) {
        Event event = access.owned(eventId, CallerIds.of(context));
        String from = event.status().value();
        if (!event.moveTo(next)) {
            throw PikaException.conflict(EventMessages.cannotMove(from, next.value()));
        }
        LOG.info(() -> "Event " + eventId + " is " + next.value() + " now (was " + from + ")");
        return event.view();
    }

    @PermitAll
    public EventWithStages event(long eventId) {
        Event event = access.visible(eventId, caller());
        return new EventWithStages(event.view(), events.stagesOf(eventId).stream().map(Stage::view).toList());
    }

    /**
     * Whether this account organizes the event now (it exists, the account holds the organizer
     * role and may sign in): an organizer's dashboard connection may watch it.
     */
    @PermitAll
    public boolean organizedBy(long eventId, long userId) {
        return accounts.sessionUser(userId).filter(user -> user.has(Role.ORGANIZER)).isPresent()
                && events.find(eventId).filter(event -> event.ownedBy(userId)).isPresent();
    }

    /**
     * The ids of the event's stages, whatever the event's status: for a dashboard connection whose
     * caller {@link #organizedBy} checked first (the live capability knows no principal).
     */
    @PermitAll
    public List<Long> stageIds(long eventId) {
        return events.stagesOf(eventId).stream().map(Stage::id).toList();
    }

    /** The public listing: published or active events, the soonest first. */
    @PermitAll
    public Page<EventView> listing(@NotNull EventStatus status, int page) {
        if (status != EventStatus.PUBLISHED && status != EventStatus.ACTIVE) {
            throw PikaException.invalid("status must be published or active");
        }
        return events.withStatus(status, page, PAGE_SIZE).map(Event::view);
    }

    /** The signed-in organizer's own events, drafts included, the newest first. */
    @RolesAllowed(Roles.ORGANIZER)
    public Page<EventView> mine(int page) {
        return events.ofOrganizer(CallerIds.of(context), page, PAGE_SIZE).map(Event::view);
    }

    private Optional<Long> caller() {
        return CallerIds.ifSignedIn(context, Roles.SIGNED_IN);
    }
}
