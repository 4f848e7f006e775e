package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.Stage;
import stream.pika.platform.entity.PikaException;

import java.util.Optional;

/**
 * Who may see and change an event, in one place: its organizer changes it; everyone sees it once
 * it is published, and a draft is "not found" to anyone else (its existence is not disclosed).
 */
@ApplicationScoped
public class EventAccess {

    @Inject
    EventRepository events;

    /** The event, if the caller (empty: nobody signed in) may see it. */
    public Event visible(long eventId, Optional<Long> caller) {
        return events.find(eventId).filter(event -> event.isPublic() || caller.filter(event::ownedBy).isPresent())
                .orElseThrow(() -> PikaException.notFound(EventMessages.EVENT_NOT_FOUND));
    }

    public Stage visibleStage(long stageId, Optional<Long> caller) {
        Stage stage = events.findStage(stageId).orElseThrow(() -> PikaException.notFound(EventMessages.STAGE_NOT_FOUND));
        visible(stage.event().id(), caller);
        return stage;
    }

    /**
     * The event, if the caller organizes it.
     *
     * @throws PikaException NOT_FOUND for no such event (or another's draft), FORBIDDEN for another organizer's published one
     */
    public Event owned(long eventId, long caller) {
        Event event = visible(eventId, Optional.of(caller));
        if (!event.ownedBy(caller)) {
            throw PikaException.forbidden(EventMessages.NOT_YOURS);
        }
        return event;
    }

    public Stage ownedStage(long stageId, long caller) {
        Stage stage = events.findStage(stageId).orElseThrow(() -> PikaException.notFound(EventMessages.STAGE_NOT_FOUND));
        owned(stage.event().id(), caller);
        return stage;
    }
}
