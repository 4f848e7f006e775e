package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.ScheduleSlot;
import stream.pika.platform.control.UniqueViolation;
import stream.pika.platform.entity.PikaException;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaScheduleRepository implements ScheduleRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public ScheduleSlot save(ScheduleSlot slot) {
        try {
            if (slot.id() == null) {
                em.persist(slot);
            }
            em.flush();
            return slot;
        } catch (OptimisticLockException e) {
            throw PikaException.conflict(EventMessages.STALE);
        } catch (PersistenceException e) {
            // The database decides overlaps (an exclusion constraint) and containment (a trigger).
            if (UniqueViolation.constraintOf(e, UniqueViolation.EXCLUSION).isPresent()) {
                throw PikaException.conflict(EventMessages.SLOT_OVERLAPS);
            }
            if (UniqueViolation.constraintOf(e, UniqueViolation.CHECK).isPresent()) {
                throw PikaException.invalid(EventMessages.SLOT_OUTSIDE_EVENT);
            }
            if (e.getCause() instanceof OptimisticLockException || e instanceof jakarta.persistence.RollbackException) {
                throw PikaException.conflict(EventMessages.STALE);
            }
            throw e;
        }
    }

    @Override
    public Optional<ScheduleSlot> find(long id) {
        return Optional.ofNullable(em.find(ScheduleSlot.class, id));
    }

    @Override
    public void remove(ScheduleSlot slot) {
        em.remove(slot);
        em.flush();
    }

    @Override
    public boolean acceptedAround(long stageId, long djId, java.time.Instant now, java.time.Duration lead) {
        return em.createNamedQuery(ScheduleSlot.COUNT_ACCEPTED_AROUND, Long.class)
                .setParameter("stage", stageId).setParameter("dj", djId)
                .setParameter("accepted", stream.pika.events.entity.BookingStatus.ACCEPTED)
                .setParameter("soon", now.plus(lead)).setParameter("now", now)
                .getSingleResult() > 0;
    }

    @Override
    public List<ScheduleSlot> ahead(long stageId, java.time.Instant now, int limit) {
        return em.createNamedQuery(ScheduleSlot.AHEAD_ON_STAGE, ScheduleSlot.class).setParameter("stage", stageId)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ScheduleSlot> ofDj(long djId) {
        return em.createNamedQuery(ScheduleSlot.OF_DJ, ScheduleSlot.class).setParameter("dj", djId).getResultList();
    }

    @Override
    public List<ScheduleSlot> ofEvent(long eventId) {
        return em.createNamedQuery(ScheduleSlot.OF_EVENT, ScheduleSlot.class).setParameter("event", eventId).getResultList();
    }
}
