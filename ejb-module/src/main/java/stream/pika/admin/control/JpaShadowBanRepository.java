package stream.pika.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.admin.entity.ShadowBan;
import stream.pika.platform.control.UniqueViolation;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaShadowBanRepository implements ShadowBanRepository {

    static final String ALREADY_BANNED = "A shadow ban of this target is in force already";

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public ShadowBan add(ShadowBan ban) {
        try {
            em.persist(ban);
            em.flush();
            return ban;
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e).map(constraint -> PikaException.conflict(ALREADY_BANNED)).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<ShadowBan> findForUpdate(long id) {
        return Optional.ofNullable(em.find(ShadowBan.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ShadowBan> inForce() {
        return em.createNamedQuery(ShadowBan.IN_FORCE, ShadowBan.class).getResultList();
    }

    @Override
    public Page<ShadowBan> all(int page, int pageSize) {
        return new Page<>(em.createNamedQuery(ShadowBan.ALL, ShadowBan.class)
                .setFirstResult(Page.offset(page, pageSize)).setMaxResults(pageSize).getResultList(), page, pageSize,
                em.createNamedQuery(ShadowBan.COUNT_ALL, Long.class).getSingleResult());
    }
}
