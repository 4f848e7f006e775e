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
import stream.pika.events.control.StageQrCodes;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.FollowableStage;
import stream.pika.events.entity.UpcomingSlot;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.Stage;
import stream.pika.events.entity.QrFormat;
import stream.pika.events.entity.StageAdmission;
import stream.pika.events.entity.StageDetails;
import stream.pika.events.entity.StageStatus;
import stream.pika.events.entity.StageView;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The stages of an event: its organizer adds, changes, pauses and closes them; everyone reads a public event's. */
@Stateless
@DeclareRoles({Roles.ORGANIZER, Roles.SIGNED_IN})
public class Stages {

    public static final int QR_MIN_SIZE = 64;
    public static final int QR_MAX_SIZE = 2048;
    /** A booked DJ may go live this long before its slot starts (setting up, a warm-up). */
    public static final Duration LIVE_LEAD = Duration.ofMinutes(30);
    /** Slots ahead a follower's "next up" is picked from. */
    private static final int AHEAD = 3;
    private static final Logger LOG = Logger.getLogger(Stages.class.getName());

    @Inject
    EventRepository events;

    @Inject
    EventAccess access;

    @Inject
    StageQrCodes qrCodes;

    @Inject
    ScheduleRepository schedule;

    @Inject
    DjAccounts accounts;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @RolesAllowed(Roles.ORGANIZER)
    public StageView add(long eventId, @NotNull @Valid StageDetails details) {
        Event event = access.owned(eventId, CallerIds.of(context));
        if (event.status() == EventStatus.ENDED) {
            throw PikaException.conflict(EventMessages.ENDED);
        }
        Stage stage = events.add(new Stage(event, details, clock.instant()));
        LOG.info(() -> "Stage " + stage.id() + " added to event " + eventId);
        return stage.view();
    }

    @RolesAllowed(Roles.ORGANIZER)
    public StageView change(long stageId, @NotNull @Valid StageDetails details) {
        Stage stage = access.ownedStage(stageId, CallerIds.of(context));
        stage.change(details);
        return stage.view();
    }

    /** Opens, pauses or closes the stage (no DJ goes live on a closed one). */
    @RolesAllowed(Roles.ORGANIZER)
    public StageView changeStatus(long stageId, @NotNull StageStatus status) {
        Stage stage = access.ownedStage(stageId, CallerIds.of(context));
        stage.changeStatus(status);
        LOG.info(() -> "Stage " + stageId + " is " + status.value() + " now");
        return stage.view();
    }

    @PermitAll
    public StageView stage(long stageId) {
        return access.visibleStage(stageId, CallerIds.ifSignedIn(context, Roles.SIGNED_IN)).view();
    }

    /**
     * Whether a DJ account (null: anonymous) may go live on the stage now: the stage is active or
     * paused and its event published or active, and the DJ accepted a slot there that runs now or
     * starts within {@link #LIVE_LEAD}, unless the stage is open to all DJs (accounts only).
     */
    @PermitAll
    public StageAdmission admission(long stageId, Long djId) {
        Optional<Stage> stage = events.findStage(stageId);
        if (stage.isEmpty() || stage.get().status() == StageStatus.CLOSED || !stage.get().event().isPublic()
                || stage.get().event().status() == EventStatus.ENDED) {
            return StageAdmission.NO_STAGE;
        }
        if (djId == null) {
            return StageAdmission.NOT_BOOKED;
        }
        if (stage.get().openToAll() || schedule.acceptedAround(stageId, djId, clock.instant(), LIVE_LEAD)) {
            return StageAdmission.ADMITTED;
        }
        return StageAdmission.NOT_BOOKED;
    }

    /**
     * A stage dancers may follow: it exists and its event is public (published or active); closed
     * when the stage is or the event ended. With the next few slots, for "next up" while nobody plays.
     */
    @PermitAll
    public Optional<FollowableStage> followable(long stageId) {
        Optional<Stage> found = events.findStage(stageId).filter(stage -> stage.event().isPublic());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stage stage = found.get();
        boolean open = stage.status() != StageStatus.CLOSED && stage.event().status() != EventStatus.ENDED;
        List<UpcomingSlot> ahead = schedule.ahead(stageId, clock.instant(), AHEAD).stream()
                .map(slot -> slot.upcoming(slot.confirmed() ? accounts.displayName(slot.djId()).orElse(null) : null))
                .toList();
        return Optional.of(new FollowableStage(stageId, stage.event().id(), stage.name(), open, ahead));
    }

    /** The stage's QR code (PNG or SVG), linking to its dancer page. */
    @PermitAll
    public byte[] qrCode(long stageId, @NotNull QrFormat format, int size) {
        if (size < QR_MIN_SIZE || size > QR_MAX_SIZE) {
            throw PikaException.invalid("size must be between " + QR_MIN_SIZE + " and " + QR_MAX_SIZE);
        }
        stage(stageId);
        return qrCodes.code(stageId, format, size);
    }
}
