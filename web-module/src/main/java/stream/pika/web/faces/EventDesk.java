package stream.pika.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.events.boundary.EventAnnouncements;
import stream.pika.events.boundary.Events;
import stream.pika.events.boundary.Stages;
import stream.pika.events.entity.AnnouncementRequest;
import stream.pika.events.entity.AnnouncementView;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.EventView;
import stream.pika.events.entity.StageDetails;
import stream.pika.events.entity.StageStatus;
import stream.pika.events.entity.StageView;
import stream.pika.live.boundary.LiveStages;

import java.io.Serializable;
import java.util.List;

/**
 * One event in the Command Center: its details and status, its stages (with their QR codes and
 * who plays there now), and its announcements. Only the event's own organizer sees any of it.
 */
@Named
@ViewScoped
public class EventDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ANNOUNCEMENT_MAX = 500;

    @Inject
    Events events;

    @Inject
    Stages stages;

    @Inject
    LiveStages liveStages;

    @Inject
    EventAnnouncements announcements;

    @Inject
    SignedInAccount account;

    private String id;
    private boolean found;
    private EventView event;
    private List<StageView> stageList = List.of();
    private List<AnnouncementView> history = List.of();

    // the event's details, as edited
    private EventForm form;

    // a new stage
    private String stageName;
    private String stageDescription;
    private Integer stageCapacity;
    private boolean stageOpenToAll;

    // an announcement
    private String message;
    private String priority = "info";
    private boolean push;

    /** The view action: the event, if it is the signed-in organizer's (else a 404 page that says so). */
    public void load() {
        long eventId = parseId(id);
        found = eventId > 0 && events.organizedBy(eventId, account.getId());
        if (!found) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        reload(eventId);
        form = EventForm.of(event);
    }

    private void reload(long eventId) {
        Events.EventWithStages current = liveStages.event(eventId);
        event = current.event();
        stageList = current.stages();
        history = announcements.history(eventId);
    }

    /** The event as it is now (a remote command: news arrived over the page's live wire). */
    public void refresh() {
        if (found) {
            reload(event.id());
        }
    }

    public void save() {
        act(() -> {
            event = events.change(event.id(), form.details());
            Notices.done("Saved.");
        });
    }

    public void publish() {
        moveTo(EventStatus.PUBLISHED, "Published: dancers can find the event now.");
    }

    public void start() {
        moveTo(EventStatus.ACTIVE, "The event is on.");
    }

    public void end() {
        moveTo(EventStatus.ENDED, "The event has ended.");
    }

    private void moveTo(EventStatus next, String done) {
        act(() -> {
            event = events.moveTo(event.id(), next);
            Notices.done(done);
        });
    }

    public void addStage() {
        act(() -> {
            StageView stage = stages.add(event.id(), new StageDetails(stageName, stageDescription, stageCapacity, stageOpenToAll));
            Notices.done("Stage \u201c" + stage.name() + "\u201d added.");
            stageName = null;
            stageDescription = null;
            stageCapacity = null;
            stageOpenToAll = false;
        });
    }

    public void changeStage(long stageId, String status) {
        act(() -> {
            StageView stage = stages.changeStatus(stageId, StageStatus.named(status).orElseThrow());
            Notices.done("Stage \u201c" + stage.name() + "\u201d is " + stage.status() + " now.");
        });
    }

    public void announce() {
        act(() -> {
            AnnouncementView sent = announcements.announce(event.id(), new AnnouncementRequest(message, priority, push));
            int followers = sent.followers() == null ? 0 : sent.followers();
            Notices.done("Announcement sent to " + followers + (followers == 1 ? " follower" : " followers")
                    + (sent.push() ? " and " + sent.pushDevices() + (sent.pushDevices() == 1 ? " push device." : " push devices.") : "."));
            message = null;
            push = false;
            priority = "info";
        });
    }

    /** Runs an action and shows the event as it is afterwards; a refusal is shown, never lost. */
    private void act(Runnable action) {
        if (!found) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        reload(event.id());
    }

    private static long parseId(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            return 0;
        }
        return Long.parseLong(value);
    }

    public int getAnnouncementMax() {
        return ANNOUNCEMENT_MAX;
    }

    public boolean isFound() {
        return found;
    }

    public EventView getEvent() {
        return event;
    }

    public List<StageView> getStages() {
        return stageList;
    }

    public List<AnnouncementView> getHistory() {
        return history;
    }

    public boolean isDraft() {
        return event != null && "draft".equals(event.status());
    }

    public boolean isPublished() {
        return event != null && "published".equals(event.status());
    }

    public boolean isEnded() {
        return event != null && "ended".equals(event.status());
    }

    public List<String> zones(String text) {
        return Times.zonesLike(text);
    }

    public EventForm getForm() {
        return form;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStageName() {
        return stageName;
    }

    public void setStageName(String stageName) {
        this.stageName = stageName;
    }

    public String getStageDescription() {
        return stageDescription;
    }

    public void setStageDescription(String stageDescription) {
        this.stageDescription = stageDescription;
    }

    public Integer getStageCapacity() {
        return stageCapacity;
    }

    public void setStageCapacity(Integer stageCapacity) {
        this.stageCapacity = stageCapacity;
    }

    public boolean isStageOpenToAll() {
        return stageOpenToAll;
    }

    public void setStageOpenToAll(boolean stageOpenToAll) {
        this.stageOpenToAll = stageOpenToAll;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public boolean isPush() {
        return push;
    }

    public void setPush(boolean push) {
        this.push = push;
    }
}
