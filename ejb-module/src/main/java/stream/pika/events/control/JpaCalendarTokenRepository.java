package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.events.entity.CalendarToken;

import java.util.Optional;

@ApplicationScoped
public class JpaCalendarTokenRepository implements CalendarTokenRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<CalendarToken> find(long userId) {
        return Optional.ofNullable(em.find(CalendarToken.class, userId));
    }

    @Override
    public Optional<CalendarToken> findByHash(String tokenHash) {
        return em.createNamedQuery(CalendarToken.BY_HASH, CalendarToken.class).setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public void add(CalendarToken token) {
        em.persist(token);
    }
}
