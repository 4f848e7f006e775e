package stream.pika.events.control;

import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.Stage;
import stream.pika.platform.entity.Page;

import java.util.List;
import java.util.Optional;

/** Stored events and their stages. */
public interface EventRepository {

    Event add(Event event);

    Optional<Event> find(long id);

    Page<Event> withStatus(EventStatus status, int page, int pageSize);

    Page<Event> ofOrganizer(long organizerId, int page, int pageSize);

    Stage add(Stage stage);

    Optional<Stage> findStage(long id);

    List<Stage> stagesOf(long eventId);

    /**
     * Writes pending changes now, so the database's own checks answer here.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when a schedule slot would fall outside its event
     */
    void flush();
}
