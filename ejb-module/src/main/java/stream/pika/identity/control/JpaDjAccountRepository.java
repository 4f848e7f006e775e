package stream.pika.identity.control;

import stream.pika.identity.entity.DjAccountMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.identity.entity.DjAccount;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.control.UniqueViolation;

import java.util.Optional;

@ApplicationScoped
public class JpaDjAccountRepository implements DjAccountRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<DjAccount> find(long id) {
        return Optional.ofNullable(em.find(DjAccount.class, id));
    }

    @Override
    public Optional<DjAccount> findByEmail(String email) {
        return em.createNamedQuery(DjAccount.BY_EMAIL, DjAccount.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<DjAccount> findBySlug(String slug) {
        return em.createNamedQuery(DjAccount.BY_SLUG, DjAccount.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean slugTaken(String slug) {
        return em.createNamedQuery(DjAccount.COUNT_BY_SLUG, Long.class)
                .setParameter("slug", slug)
                .getSingleResult() > 0;
    }

    @Override
    public DjAccount add(DjAccount account) {
        try {
            em.persist(account);
            em.flush();
            return account;
        } catch (PersistenceException e) {
            // Two registrations can race past the checks; the unique constraints decide.
            throw UniqueViolation.constraintOf(e)
                    .map(constraint -> constraint.contains("slug")
                            ? PikaException.conflict(DjAccountMessages.SLUG_TAKEN)
                            : PikaException.conflict(DjAccountMessages.EMAIL_TAKEN))
                    .orElseThrow(() -> e);
        }
    }
}
