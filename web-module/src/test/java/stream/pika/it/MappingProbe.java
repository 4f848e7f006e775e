package stream.pika.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.function.Function;

/**
 * Test-only EJB deployed with {@link EntityMappingIT}: stores an entity in one transaction and
 * reads it back in another (the shared cache is off, so the read comes from PostgreSQL).
 */
@Stateless
public class MappingProbe {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    public <T> T store(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }

    public <T> T load(Class<T> type, Object id) {
        return em.find(type, id);
    }

    public <T> T change(Class<T> type, Object id, Function<T, ?> change) {
        T entity = em.find(type, id);
        change.apply(entity);
        return entity;
    }

    /** The first column of a native query's first row, as text. */
    public String column(String sql, Object parameter) {
        Object value = em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult();
        return value == null ? null : value.toString();
    }
}
