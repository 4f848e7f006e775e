package stream.pika.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.events.boundary.Events;
import stream.pika.events.entity.EventView;
import stream.pika.events.entity.StageView;
import stream.pika.live.boundary.LiveStages;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
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
    private final EventForm form = new EventForm();

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
            EventView event = events.create(form.details());
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

    public EventForm getForm() {
        return form;
    }
}
