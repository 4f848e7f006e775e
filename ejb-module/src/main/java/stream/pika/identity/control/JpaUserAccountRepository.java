package stream.pika.identity.control;

import stream.pika.identity.entity.DjAccountMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.identity.entity.UserAccount;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.control.UniqueViolation;

import java.util.Optional;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<UserAccount> findBySlug(String slug) {
        return em.createNamedQuery(UserAccount.BY_SLUG, UserAccount.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean slugTaken(String slug) {
        return em.createNamedQuery(UserAccount.COUNT_BY_SLUG, Long.class)
                .setParameter("slug", slug)
                .getSingleResult() > 0;
    }

    @Override
    public UserAccount add(UserAccount account) {
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
