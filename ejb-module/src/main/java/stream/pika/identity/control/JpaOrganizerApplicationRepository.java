package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.identity.entity.ApplicationStatus;
import stream.pika.identity.entity.OrganizerApplication;
import stream.pika.platform.control.UniqueViolation;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.util.Optional;

@ApplicationScoped
public class JpaOrganizerApplicationRepository implements OrganizerApplicationRepository {

    static final String ALREADY_PENDING = "An organizer application is already waiting for a decision";

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public OrganizerApplication add(OrganizerApplication application) {
        try {
            em.persist(application);
            em.flush();
            return application;
        } catch (PersistenceException e) {
            // Two applications of one user can race past the check; the partial unique index decides.
            throw UniqueViolation.constraintOf(e).map(constraint -> PikaException.conflict(ALREADY_PENDING)).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<OrganizerApplication> findForUpdate(long id) {
        return Optional.ofNullable(em.find(OrganizerApplication.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<OrganizerApplication> latestOf(long userId) {
        return em.createNamedQuery(OrganizerApplication.LATEST_OF_USER, OrganizerApplication.class)
                .setParameter("userId", userId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Page<OrganizerApplication> withStatus(ApplicationStatus status, int page, int pageSize) {
        return new Page<>(em.createNamedQuery(OrganizerApplication.BY_STATUS, OrganizerApplication.class)
                .setParameter("status", status)
                .setFirstResult(Page.offset(page, pageSize))
                .setMaxResults(pageSize)
                .getResultList(), page, pageSize,
                em.createNamedQuery(OrganizerApplication.COUNT_BY_STATUS, Long.class).setParameter("status", status).getSingleResult());
    }
}
