package stream.pika.web.faces;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.DefaultScheduleModel;
import org.primefaces.model.ScheduleModel;
import stream.pika.crate.boundary.MatchVerification;
import stream.pika.crate.boundary.SetlistExports;
import stream.pika.crate.entity.Activity;
import stream.pika.crate.entity.CatalogEntry;
import stream.pika.crate.entity.ChosenTrack;
import stream.pika.crate.entity.ExportName;
import stream.pika.crate.entity.PlayWithMatch;
import stream.pika.crate.entity.SetlistExport;
import stream.pika.events.boundary.Bookings;
import stream.pika.events.entity.BookingView;
import stream.pika.interactions.boundary.InteractionHistory;
import stream.pika.interactions.entity.InteractionViews;
import stream.pika.live.boundary.DjProfiles;
import stream.pika.live.boundary.SessionHistory;
import stream.pika.live.entity.DjProfileView;
import stream.pika.live.entity.ProfileEdit;
import stream.pika.live.entity.SessionViews;
import stream.pika.live.entity.SetSummary;

import java.io.Serializable;
import java.util.List;

/**
 * The DJ's Career Hub ({@code /dj/}): gigs on a calendar with the invitations to answer and the
 * calendar feed; past sets with their recap, Smart Crate's verification queue, points and badges,
 * and the export to Spotify; the public profile's bio and avatar. Every action is a boundary's.
 */
@Named
@ViewScoped
public class CareerHub implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Bookings bookings;

    @Inject
    DjProfiles profiles;

    @Inject
    SessionHistory history;

    @Inject
    InteractionHistory interactions;

    @Inject
    MatchVerification verification;

    @Inject
    SetlistExports exports;

    private List<BookingView> gigs = List.of();
    private transient ScheduleModel calendar;
    private String calendarFeed;
    private final PagedList<SetSummary> sets = new PagedList<>(number -> profiles.mySets(number));
    private String openSet;
    private SessionViews.Recap recap;
    private InteractionViews.PollResults polls;
    private List<PlayWithMatch> queue = List.of();
    private Long pickingFor;
    private String catalogQuery;
    private List<CatalogEntry> found = List.of();
    private SetlistExport exported;
    private Activity activity;
    private DjProfileView profile;
    private String bio;
    private String avatarUrl;

    @PostConstruct
    void load() {
        gigs = bookings.mine();
        activity = verification.mine();
        profile = profiles.mine();
        bio = profile.bio();
        avatarUrl = profile.avatarUrl();
    }

    // ---- gigs

    public void accept(long slotId) {
        answer(slotId, true);
    }

    public void decline(long slotId) {
        answer(slotId, false);
    }

    private void answer(long slotId, boolean accept) {
        try {
            BookingView gig = gigs.stream().filter(g -> g.slot().id() == slotId).findFirst().orElse(null);
            bookings.answer(slotId, accept);
            Notices.done((accept ? "Accepted: " : "Declined: ") + (gig == null ? "the slot" : gig.slot().title() + " at " + gig.eventName()));
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        gigs = bookings.mine();
        calendar = null;
    }

    public void newCalendarFeed() {
        try {
            calendarFeed = bookings.newCalendarFeed();
            Notices.done("Your calendar address is below: add it to your calendar app. Any address made before stops working.");
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
    }

    /** The gigs in each event's own time: the calendar shows wall-clock times as given (its zone is UTC on both sides). */
    public ScheduleModel getCalendar() {
        if (calendar == null) {
            DefaultScheduleModel model = new DefaultScheduleModel();
            for (BookingView gig : gigs) {
                model.addEvent(DefaultScheduleEvent.builder()
                        .id("gig-" + gig.slot().id())
                        .title(gig.slot().title() + " · " + gig.eventName() + " (" + gig.stageName() + ")")
                        .startDate(Times.local(gig.slot().startsAt(), gig.timeZone()))
                        .endDate(Times.local(gig.slot().endsAt(), gig.timeZone()))
                        .styleClass("gig gig-" + gig.slot().bookingStatus())
                        .editable(false)
                        .build());
            }
            calendar = model;
        }
        return calendar;
    }

    /** Where the calendar opens: the next gig's day, else today. */
    public java.time.LocalDate getCalendarStart() {
        java.time.Instant now = java.time.Instant.now();
        return gigs.stream().filter(g -> g.slot().endsAt().isAfter(now)).findFirst()
                .map(g -> Times.local(g.slot().startsAt(), g.timeZone()).toLocalDate()).orElse(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    // ---- sets

    public void open(String sessionId) {
        openSet = sessionId;
        exported = null;
        found = List.of();
        pickingFor = null;
        recap = history.recap(sessionId).orElse(null);
        polls = recap == null ? null : interactions.pollsForItsDj(recap).orElse(null);
        try {
            queue = verification.tracksWithMatches(sessionId);
        } catch (RuntimeException e) {
            queue = List.of();
            Notices.failed(e);
        }
    }

    public void confirm(long matchId) {
        verify(() -> verification.confirm(matchId), "Match confirmed");
    }

    public void reject(long matchId) {
        verify(() -> verification.reject(matchId), "Match rejected: the track stays unmatched until someone picks the right one");
    }

    public void pick(long matchId) {
        pickingFor = matchId;
        found = List.of();
        catalogQuery = null;
    }

    public void search() {
        try {
            found = verification.search(catalogQuery);
        } catch (RuntimeException e) {
            found = List.of();
            Notices.failed(e);
        }
    }

    public void choose(long globalTrackId) {
        Long matchId = pickingFor;
        if (matchId == null) {
            return;
        }
        verify(() -> verification.choose(matchId, new ChosenTrack(globalTrackId)), "Track chosen from the catalog");
        pickingFor = null;
        found = List.of();
    }

    private void verify(Runnable action, String done) {
        try {
            action.run();
            Notices.done(done);
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        queue = verification.tracksWithMatches(openSet);
        activity = verification.mine();
    }

    public void exportSet() {
        try {
            exported = exports.export(openSet, new ExportName(null));
            Notices.done("Exported " + exported.added() + " track(s) to \u201c" + exported.name() + "\u201d");
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
    }

    // ---- profile

    public void saveProfile() {
        try {
            profile = profiles.edit(new ProfileEdit(bio, avatarUrl));
            Notices.done("Profile saved: it shows on your public page");
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
    }

    public List<BookingView> getGigs() {
        return gigs;
    }

    public boolean isInvited(BookingView gig) {
        return "invited".equals(gig.slot().bookingStatus());
    }

    public String getCalendarFeed() {
        return calendarFeed;
    }

    public PagedList<SetSummary> getSets() {
        return sets;
    }

    public String getOpenSet() {
        return openSet;
    }

    public SessionViews.Recap getRecap() {
        return recap;
    }

    public InteractionViews.PollResults getPolls() {
        return polls;
    }

    public List<PlayWithMatch> getQueue() {
        return queue;
    }

    public long getQueueOpen() {
        return queue.stream().filter(p -> p.match() != null && "needs_review".equals(p.match().status())).count();
    }

    public Long getPickingFor() {
        return pickingFor;
    }

    public String getCatalogQuery() {
        return catalogQuery;
    }

    public void setCatalogQuery(String catalogQuery) {
        this.catalogQuery = catalogQuery;
    }

    public List<CatalogEntry> getFound() {
        return found;
    }

    public SetlistExport getExported() {
        return exported;
    }

    public Activity getActivity() {
        return activity;
    }

    public DjProfileView getProfile() {
        return profile;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }
}
