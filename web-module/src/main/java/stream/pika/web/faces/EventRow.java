package stream.pika.web.faces;

import stream.pika.events.entity.EventView;

import java.io.Serializable;

/** An organizer's event in the list: with, while it is on, its active stages and listeners now. */
public record EventRow(EventView event, int activeStages, int listeners) implements Serializable {

    public boolean isActive() {
        return "active".equals(event.status());
    }
}
