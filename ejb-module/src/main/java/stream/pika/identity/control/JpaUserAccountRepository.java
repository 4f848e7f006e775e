package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserFilter;
import stream.pika.platform.control.UniqueViolation;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    /** The advisory lock key of {@link #lockAdminChanges()} (any constant unique to this purpose). */
    private static final long ADMIN_CHANGES_LOCK = 0x70696b6141646dL;

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

    @Override
    public Optional<UserAccount> findForUpdate(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void lockAdminChanges() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_CHANGES_LOCK).getSingleResult();
    }

    @Override
    public long countActiveAdmins() {
        return em.createNamedQuery(UserAccount.COUNT_ACTIVE_WITH_ROLE, Long.class)
                .setParameter("role", Role.ADMIN)
                .setParameter("status", AccountStatus.ACTIVE)
                .getSingleResult();
    }

    @Override
    public Page<UserAccount> search(UserFilter filter, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.text().ifPresent(text -> {
            where.append(" AND (LOWER(a.email) LIKE :text ESCAPE '\\' OR LOWER(a.displayName) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
        });
        filter.role().ifPresent(role -> {
            where.append(" AND :role MEMBER OF a.roles");
            parameters.put("role", role);
        });
        filter.status().ifPresent(status -> {
            where.append(" AND a.status = :status");
            parameters.put("status", status);
        });
        TypedQuery<UserAccount> rows = em.createQuery("SELECT a FROM UserAccount a" + where + " ORDER BY a.id", UserAccount.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM UserAccount a" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<UserAccount> items = rows.setFirstResult(Page.offset(page, pageSize)).setMaxResults(pageSize).getResultList();
        return new Page<>(items, page, pageSize, count.getSingleResult());
    }

    @Override
    public List<UserAccount> djsNamed(String text, int limit) {
        return em.createQuery("SELECT a FROM UserAccount a WHERE :role MEMBER OF a.roles AND a.status = :status"
                        + " AND LOWER(a.displayName) LIKE :text ESCAPE '\\' ORDER BY a.displayName, a.id", UserAccount.class)
                .setParameter("role", Role.DJ).setParameter("status", AccountStatus.ACTIVE)
                .setParameter("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%")
                .setMaxResults(limit).getResultList();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
