package stream.pika.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A slot of a stage's schedule ("Friday social, 21:00–01:00"), maybe with a booked DJ. Slots of
 * one stage never overlap (the database refuses); the version makes concurrent edits conflict.
 */
@Entity
@Table(name = "schedule_slots")
@NamedQuery(name = ScheduleSlot.COUNT_ACCEPTED_AROUND,
        query = "SELECT COUNT(s) FROM ScheduleSlot s WHERE s.stage.id = :stage AND s.djId = :dj AND s.bookingStatus = :accepted"
                + " AND s.startsAt <= :soon AND s.endsAt > :now")
@NamedQuery(name = ScheduleSlot.OF_DJ,
        query = "SELECT s FROM ScheduleSlot s WHERE s.djId = :dj ORDER BY s.startsAt, s.id")
@NamedQuery(name = ScheduleSlot.AHEAD_ON_STAGE,
        query = "SELECT s FROM ScheduleSlot s WHERE s.stage.id = :stage AND s.endsAt > :now ORDER BY s.startsAt")
@NamedQuery(name = ScheduleSlot.OF_EVENT,
        query = "SELECT s FROM ScheduleSlot s WHERE s.stage.event.id = :event ORDER BY s.stage.id, s.startsAt")
public class ScheduleSlot {

    public static final String OF_EVENT = "ScheduleSlot.ofEvent";
    public static final String AHEAD_ON_STAGE = "ScheduleSlot.aheadOnStage";
    public static final String OF_DJ = "ScheduleSlot.ofDj";
    public static final String COUNT_ACCEPTED_AROUND = "ScheduleSlot.countAcceptedAround";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "stage_id", nullable = false, updatable = false)
    private Stage stage;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    @Convert(converter = SlotKind.Column.class)
    private SlotKind kind;

    @Column(name = "dj_id")
    private Long djId;

    @Column(name = "booking_status")
    @Convert(converter = BookingStatus.Column.class)
    private BookingStatus bookingStatus;

    @Version
    private int version;

    protected ScheduleSlot() {
        // for JPA
    }

    public ScheduleSlot(Stage stage, SlotDetails details) {
        this.stage = stage;
        change(details);
    }

    public Long id() {
        return id;
    }

    public Stage stage() {
        return stage;
    }

    public int version() {
        return version;
    }

    public void change(SlotDetails details) {
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.title = details.title().strip();
        this.kind = SlotKind.named(details.kind() == null ? SlotKind.SOCIAL.value() : details.kind()).orElse(SlotKind.SOCIAL);
    }

    public Long djId() {
        return djId;
    }

    public BookingStatus bookingStatus() {
        return bookingStatus;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String title() {
        return title;
    }

    /** Whether the booked DJ confirmed (so the public may see who plays). */
    public boolean confirmed() {
        return bookingStatus == BookingStatus.ACCEPTED || bookingStatus == BookingStatus.COMPLETED;
    }

    /** As the stage's followers see it coming; the DJ's name only when {@link #confirmed()}. */
    public UpcomingSlot upcoming(String confirmedDjName) {
        return new UpcomingSlot(id, title, kind.value(), startsAt, endsAt, confirmed() ? confirmedDjName : null);
    }

    /** Invites a DJ to play this slot (replacing any earlier booking). */
    public void invite(long dj) {
        this.djId = dj;
        this.bookingStatus = BookingStatus.INVITED;
    }

    public void cancelBooking() {
        this.djId = null;
        this.bookingStatus = null;
    }

    /** The invited DJ's answer; false when the slot has no open invitation. */
    public boolean answer(boolean accepted) {
        if (bookingStatus != BookingStatus.INVITED) {
            return false;
        }
        bookingStatus = accepted ? BookingStatus.ACCEPTED : BookingStatus.DECLINED;
        return true;
    }

    public boolean happensAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public SlotView view(Instant now) {
        return new SlotView(id, stage.id(), startsAt, endsAt, title, kind.value(), djId,
                bookingStatus == null ? null : bookingStatus.value(), version, happensAt(now));
    }
}
