package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserTokenRepository implements UserTokenRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<UserToken> findByHash(String tokenHash) {
        return em.createNamedQuery(UserToken.BY_HASH, UserToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(UserToken token) {
        em.persist(token);
    }

    @Override
    public void remove(UserToken token) {
        em.remove(em.contains(token) ? token : em.merge(token));
    }

    @Override
    public void keepNewest(UserAccount account, int keep) {
        List<UserToken> surplus = em.createNamedQuery(UserToken.OF_ACCOUNT_NEWEST_FIRST, UserToken.class)
                .setParameter("account", account)
                .setFirstResult(keep)
                .getResultList();
        surplus.forEach(em::remove);
    }

    @Override
    public void touch(UserToken token, Instant now, Duration resolution) {
        em.createNamedQuery(UserToken.TOUCH)
                .setParameter("now", now)
                .setParameter("id", token.id())
                .setParameter("staleBefore", now.minus(resolution))
                .executeUpdate();
    }
}
