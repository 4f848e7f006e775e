package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.events.entity.Event;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.Stage;
import stream.pika.platform.control.UniqueViolation;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaEventRepository implements EventRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Event add(Event event) {
        em.persist(event);
        em.flush();
        return event;
    }

    @Override
    public Optional<Event> find(long id) {
        return Optional.ofNullable(em.find(Event.class, id));
    }

    @Override
    public Page<Event> withStatus(EventStatus status, int page, int pageSize) {
        return new Page<>(em.createNamedQuery(Event.WITH_STATUS, Event.class).setParameter("status", status)
                .setFirstResult(Page.offset(page, pageSize)).setMaxResults(pageSize).getResultList(), page, pageSize,
                em.createNamedQuery(Event.COUNT_WITH_STATUS, Long.class).setParameter("status", status).getSingleResult());
    }

    @Override
    public Page<Event> ofOrganizer(long organizerId, int page, int pageSize) {
        return new Page<>(em.createNamedQuery(Event.OF_ORGANIZER, Event.class).setParameter("organizer", organizerId)
                .setFirstResult(Page.offset(page, pageSize)).setMaxResults(pageSize).getResultList(), page, pageSize,
                em.createNamedQuery(Event.COUNT_OF_ORGANIZER, Long.class).setParameter("organizer", organizerId).getSingleResult());
    }

    @Override
    public Stage add(Stage stage) {
        em.persist(stage);
        em.flush();
        return stage;
    }

    @Override
    public Optional<Stage> findStage(long id) {
        return Optional.ofNullable(em.find(Stage.class, id));
    }

    @Override
    public List<Stage> stagesOf(long eventId) {
        return em.createNamedQuery(Stage.OF_EVENT, Stage.class).setParameter("event", eventId).getResultList();
    }

    @Override
    public void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e, UniqueViolation.CHECK)
                    .filter(constraint -> constraint.equals("schedule_slots_inside_event"))
                    .map(constraint -> PikaException.conflict(EventMessages.EVENT_LEAVES_SLOTS))
                    .orElseThrow(() -> e);
        }
    }
}
