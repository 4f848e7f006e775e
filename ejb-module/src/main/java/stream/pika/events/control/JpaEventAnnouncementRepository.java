package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.events.entity.EventAnnouncement;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaEventAnnouncementRepository implements EventAnnouncementRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public EventAnnouncement add(EventAnnouncement announcement) {
        em.persist(announcement);
        em.flush(); // its id goes out with it
        return announcement;
    }

    @Override
    public List<EventAnnouncement> since(long eventId, Instant since, int limit) {
        return em.createNamedQuery(EventAnnouncement.OF_EVENT_SINCE, EventAnnouncement.class)
                .setParameter("event", eventId).setParameter("since", since).setMaxResults(limit).getResultList();
    }
}
