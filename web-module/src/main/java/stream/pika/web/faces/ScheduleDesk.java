package stream.pika.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.timeline.TimelineModificationEvent;
import org.primefaces.event.timeline.TimelineSelectEvent;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineGroup;
import org.primefaces.model.timeline.TimelineModel;
import stream.pika.events.boundary.Bookings;
import stream.pika.events.boundary.Schedule;
import stream.pika.events.entity.ScheduleView;
import stream.pika.events.entity.SlotDetails;
import stream.pika.events.entity.SlotView;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.PublicDj;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule maker of an event: its stages as rows, slots as blocks. A slot is created with the
 * form, moved and resized by dragging, deleted from its panel; a DJ is invited to it by name.
 * Every change goes through the schedule's rules (no overlap on a stage, inside the event, based
 * on the version shown: an edit of a slot someone else changed meanwhile is refused and the
 * schedule shown as it is now).
 */
@Named
@ViewScoped
public class ScheduleDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Schedule schedule;

    @Inject
    Bookings bookings;

    @Inject
    DjAccounts accounts;

    @Inject
    EventDesk desk;

    private TimelineModel<SlotCard, String> model;
    private List<SlotCard> cards = List.of();
    private String timeZone;

    // a new slot
    private Long stageId;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String title;
    private String kind = "social";

    // the slot picked on the timeline, and the DJ search of its booking
    private SlotCard selected;
    private String djQuery;
    private List<PublicDj> djMatches = List.of();

    /** The schedule as it is now (after a change, or when news came over the page's live wire). */
    public void refresh() {
        if (!desk.isFound()) {
            return;
        }
        ScheduleView now = schedule.schedule(desk.getEvent().id());
        timeZone = now.timeZone();
        TimelineModel<SlotCard, String> fresh = new TimelineModel<>();
        List<SlotCard> all = new ArrayList<>();
        for (ScheduleView.StageSchedule stage : now.stages()) {
            fresh.addGroup(new TimelineGroup<>(String.valueOf(stage.stage().id()), stage.stage().name()));
            for (SlotView slot : stage.slots()) {
                SlotCard card = new SlotCard(slot, stage.stage().name(), slot.djId() == null ? null : accounts.displayName(slot.djId()).orElse("a DJ"));
                all.add(card);
                fresh.add(TimelineEvent.<SlotCard>builder().id("slot-" + slot.id()).data(card)
                        .startDate(Times.local(slot.startsAt(), timeZone)).endDate(Times.local(slot.endsAt(), timeZone))
                        .group(String.valueOf(stage.stage().id())).styleClass("slot booking-" + card.getBooking()).build());
            }
        }
        model = fresh;
        cards = List.copyOf(all);
        if (selected != null) {
            selected = all.stream().filter(card -> card.slot().id() == selected.slot().id()).findFirst().orElse(null);
        }
    }

    /** A slot dragged (moved) or its edge dragged (resized). */
    public void onChange(TimelineModificationEvent<SlotCard> change) {
        TimelineEvent<SlotCard> moved = change.getTimelineEvent();
        SlotView slot = moved.getData().slot();
        act(() -> {
            SlotView saved = schedule.change(slot.id(), slot.version(), new SlotDetails(Times.instant(moved.getStartDate(), timeZone),
                    Times.instant(moved.getEndDate(), timeZone), slot.title(), slot.kind()));
            Notices.done("\u201c" + saved.title() + "\u201d now runs " + span(saved) + ".");
        });
    }

    public void onSelect(TimelineSelectEvent<SlotCard> selection) {
        selected = selection.getTimelineEvent().getData();
        djQuery = null;
        djMatches = List.of();
    }

    public void addSlot() {
        act(() -> {
            if (stageId == null) {
                Notices.refused("Pick the stage of the slot");
                return;
            }
            SlotView slot = schedule.add(stageId, new SlotDetails(Times.instant(startsAt, timeZone()), Times.instant(endsAt, timeZone()), title, kind));
            Notices.done("\u201c" + slot.title() + "\u201d added, " + span(slot) + ".");
            title = null;
        });
    }

    public void removeSelected() {
        if (selected == null) {
            return;
        }
        SlotView slot = selected.slot();
        act(() -> {
            schedule.remove(slot.id(), slot.version());
            Notices.done("\u201c" + slot.title() + "\u201d removed.");
            selected = null;
        });
    }

    public void findDjs() {
        try {
            djMatches = accounts.djsNamed(djQuery == null ? "" : djQuery);
            if (djMatches.isEmpty()) {
                Notices.refused("No DJ is called like that");
            }
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
    }

    public void invite(long djId) {
        if (selected == null) {
            return;
        }
        long slotId = selected.slot().id();
        act(() -> {
            bookings.invite(slotId, djId);
            Notices.done("Invitation sent: the DJ sees it in their gig calendar.");
            djMatches = List.of();
        });
    }

    public void cancelBooking() {
        if (selected == null) {
            return;
        }
        long slotId = selected.slot().id();
        act(() -> {
            bookings.cancel(slotId);
            Notices.done("Booking cancelled.");
        });
    }

    /** Runs a change, shows its refusal if any, and shows the schedule as it is afterwards. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        refresh();
    }

    private String timeZone() {
        if (timeZone == null) {
            refresh();
        }
        return timeZone;
    }

    private String span(SlotView slot) {
        return Times.clock(slot.startsAt(), timeZone()) + "\u2013" + Times.clock(slot.endsAt(), timeZone());
    }

    public String spanOf(SlotCard card) {
        return span(card.slot());
    }

    public TimelineModel<SlotCard, String> getModel() {
        if (model == null) {
            refresh();
        }
        return model;
    }

    public List<SlotCard> getCards() {
        if (model == null) {
            refresh();
        }
        return cards;
    }

    public List<SlotCard> getBooked() {
        return getCards().stream().filter(card -> card.slot().djId() != null).toList();
    }

    public String getTimeZone() {
        return timeZone();
    }

    /** Where the timeline opens: the event's first day. */
    public LocalDateTime getStart() {
        return desk.isFound() ? Times.local(desk.getEvent().startsAt(), timeZone()) : null;
    }

    public LocalDateTime getEnd() {
        return desk.isFound() ? Times.local(desk.getEvent().endsAt(), timeZone()) : null;
    }

    public Optional<SlotCard> selection() {
        return Optional.ofNullable(selected);
    }

    public SlotCard getSelected() {
        return selected;
    }

    public Long getStageId() {
        return stageId;
    }

    public void setStageId(Long stageId) {
        this.stageId = stageId;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDjQuery() {
        return djQuery;
    }

    public void setDjQuery(String djQuery) {
        this.djQuery = djQuery;
    }

    public List<PublicDj> getDjMatches() {
        return djMatches;
    }
}
