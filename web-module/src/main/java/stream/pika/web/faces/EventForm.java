package stream.pika.web.faces;

import stream.pika.events.entity.EventDetails;
import stream.pika.events.entity.EventView;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What the event forms of the Command Center hold (a new event, an event's details): times as
 * the organizer types them, in the event's own time zone.
 */
public class EventForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String description;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String timeZone = "Europe/Paris";

    /** The form showing an event as it is. */
    static EventForm of(EventView event) {
        EventForm form = new EventForm();
        form.name = event.name();
        form.description = event.description();
        form.timeZone = event.timeZone();
        form.startsAt = Times.local(event.startsAt(), event.timeZone());
        form.endsAt = Times.local(event.endsAt(), event.timeZone());
        return form;
    }

    /** What the organizer said, for the events boundary (which checks it). */
    EventDetails details() {
        return new EventDetails(name, description, Times.instant(startsAt, timeZone), Times.instant(endsAt, timeZone), timeZone);
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
