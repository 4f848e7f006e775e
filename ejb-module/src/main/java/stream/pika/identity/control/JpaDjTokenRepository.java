package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.identity.entity.DjAccount;
import stream.pika.identity.entity.DjToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDjTokenRepository implements DjTokenRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<DjToken> findByHash(String tokenHash) {
        return em.createNamedQuery(DjToken.BY_HASH, DjToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(DjToken token) {
        em.persist(token);
    }

    @Override
    public void remove(DjToken token) {
        em.remove(em.contains(token) ? token : em.merge(token));
    }

    @Override
    public void keepNewest(DjAccount account, int keep) {
        List<DjToken> surplus = em.createNamedQuery(DjToken.OF_ACCOUNT_NEWEST_FIRST, DjToken.class)
                .setParameter("account", account)
                .setFirstResult(keep)
                .getResultList();
        surplus.forEach(em::remove);
    }

    @Override
    public void touch(DjToken token, Instant now, Duration resolution) {
        em.createNamedQuery(DjToken.TOUCH)
                .setParameter("now", now)
                .setParameter("id", token.id())
                .setParameter("staleBefore", now.minus(resolution))
                .executeUpdate();
    }
}
