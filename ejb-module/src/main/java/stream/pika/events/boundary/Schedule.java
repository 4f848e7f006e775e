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
import stream.pika.events.control.ScheduleRepository;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.ScheduleChanged;
import stream.pika.events.entity.ScheduleSlot;
import stream.pika.events.entity.ScheduleView;
import stream.pika.events.entity.SlotDetails;
import stream.pika.events.entity.SlotView;
import stream.pika.events.entity.Stage;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's schedule: slots per stage. Slots never overlap on a stage and lie inside their event
 * (the database decides, so two organizers adding at once cannot both win); a change names the
 * version it is based on, and a stale one is refused (409), never silently lost.
 */
@Stateless
@DeclareRoles({Roles.ORGANIZER, Roles.SIGNED_IN})
public class Schedule {

    @Inject
    EventRepository events;

    @Inject
    ScheduleRepository slots;

    @Inject
    EventAccess access;

    @Inject
    jakarta.enterprise.event.Event<ScheduleChanged> changed;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @PermitAll
    public ScheduleView schedule(long eventId) {
        Optional<Long> caller = CallerIds.ifSignedIn(context, Roles.SIGNED_IN);
        Event event = access.visible(eventId, caller);
        boolean organizer = caller.filter(event::ownedBy).isPresent();
        Instant now = clock.instant();
        Map<Long, List<SlotView>> byStage = new LinkedHashMap<>();
        List<Stage> stages = events.stagesOf(eventId);
        stages.forEach(stage -> byStage.put(stage.id(), new ArrayList<>()));
        for (ScheduleSlot slot : slots.ofEvent(eventId)) {
            SlotView view = slot.view(now);
            byStage.get(slot.stage().id()).add(organizer ? view : view.forPublic());
        }
        return new ScheduleView(eventId, event.view().timeZone(),
                stages.stream().map(stage -> new ScheduleView.StageSchedule(stage.view(), byStage.get(stage.id()))).toList());
    }

    @RolesAllowed(Roles.ORGANIZER)
    public SlotView add(long stageId, @NotNull @Valid SlotDetails details) {
        Stage stage = access.ownedStage(stageId, CallerIds.of(context));
        requireInside(stage.event(), details);
        return news(slots.save(new ScheduleSlot(stage, details)), ScheduleChanged.Change.CREATED);
    }

    /** Changes a slot based on {@code version}; 409 when someone changed it since. */
    @RolesAllowed(Roles.ORGANIZER)
    public SlotView change(long slotId, int version, @NotNull @Valid SlotDetails details) {
        ScheduleSlot slot = ownedSlot(slotId, version);
        requireInside(slot.stage().event(), details);
        slot.change(details);
        return news(slots.save(slot), ScheduleChanged.Change.CHANGED);
    }

    @RolesAllowed(Roles.ORGANIZER)
    public void remove(long slotId, int version) {
        ScheduleSlot slot = ownedSlot(slotId, version);
        SlotView last = slot.view(clock.instant());
        slots.remove(slot);
        changed.fire(new ScheduleChanged(slot.stage().event().id(), last, ScheduleChanged.Change.REMOVED));
    }

    @PermitAll
    public SlotView slot(long slotId) {
        ScheduleSlot slot = slots.find(slotId).orElseThrow(() -> PikaException.notFound(EventMessages.SLOT_NOT_FOUND));
        Optional<Long> caller = CallerIds.ifSignedIn(context, Roles.SIGNED_IN);
        Event event = access.visible(slot.stage().event().id(), caller);
        SlotView view = slot.view(clock.instant());
        return caller.filter(event::ownedBy).isPresent() || caller.filter(id -> id.equals(slot.djId())).isPresent()
                ? view : view.forPublic();
    }

    private SlotView news(ScheduleSlot slot, ScheduleChanged.Change change) {
        SlotView view = slot.view(clock.instant());
        changed.fire(new ScheduleChanged(slot.stage().event().id(), view, change));
        return view;
    }

    private ScheduleSlot ownedSlot(long slotId, int version) {
        ScheduleSlot slot = slots.find(slotId).orElseThrow(() -> PikaException.notFound(EventMessages.SLOT_NOT_FOUND));
        access.owned(slot.stage().event().id(), CallerIds.of(context));
        if (slot.version() != version) {
            throw PikaException.conflict(EventMessages.STALE);
        }
        return slot;
    }

    private static void requireInside(Event event, SlotDetails details) {
        if (!event.contains(details.startsAt(), details.endsAt())) {
            throw PikaException.invalid(EventMessages.SLOT_OUTSIDE_EVENT);
        }
    }
}
