package stream.pika.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.events.boundary.Events;
import stream.pika.events.entity.EventDetails;
import stream.pika.events.entity.EventView;
import stream.pika.events.entity.StageView;
import stream.pika.live.boundary.LiveStages;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/** The Command Center's first page: the organizer's events (live figures for those on now) and a new one. */
@Named
@ViewScoped
public class OrganizerEvents implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Events events;

    @Inject
    LiveStages liveStages;

    private final PagedList<EventRow> list = new PagedList<>(this::page);
    private String name;
    private String description;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String timeZone = "Europe/Paris";

    private stream.pika.platform.entity.Page<EventRow> page(int number) {
        return events.mine(number).map(this::row);
    }

    private EventRow row(EventView event) {
        if (!"active".equals(event.status())) {
            return new EventRow(event, 0, 0);
        }
        List<StageView> stages = liveStages.event(event.id()).stages();
        int active = (int) stages.stream().filter(stage -> "active".equals(stage.status())).count();
        int listeners = stages.stream().filter(stage -> stage.live() != null).mapToInt(stage -> stage.live().listenerCount()).sum();
        return new EventRow(event, active, listeners);
    }

    /** Creates the event (a draft) and opens it. */
    public void create() {
        try {
            EventView event = events.create(new EventDetails(name, description, Times.instant(startsAt, timeZone),
                    Times.instant(endsAt, timeZone), timeZone));
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Notices.done("Event \u201c" + event.name() + "\u201d created as a draft: add its stages, then publish it.");
            FacesContext.getCurrentInstance().getExternalContext().redirect("event.xhtml?id=" + event.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
    }

    public List<String> zones(String text) {
        return Times.zonesLike(text);
    }

    public PagedList<EventRow> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
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

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
