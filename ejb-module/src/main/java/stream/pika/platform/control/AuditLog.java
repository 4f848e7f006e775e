package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.AuditEntry;
import stream.pika.platform.entity.AuditQuery;
import stream.pika.platform.entity.AuditView;
import stream.pika.platform.entity.Page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.logging.Logger;

/**
 * The append-only audit trail. {@link #record} joins the caller's transaction, so an action and
 * its row are stored together or not at all. There is no update or delete here, and the database
 * refuses them anyway.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(AuditAct act) {
        em.persist(new AuditEntry(clock.instant(), act));
        LOG.info(() -> "Audit: user " + act.actorId() + " " + act.action() + " " + act.targetType() + " " + act.targetId()
                + (act.details() == null ? "" : " (" + act.details() + ")"));
    }

    public Page<AuditView> search(AuditQuery query, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.actorId().ifPresent(actor -> condition(where, parameters, "e.actorId = :actor", "actor", actor));
        query.targetId().ifPresent(target -> condition(where, parameters, "e.targetId = :target", "target", target));
        query.action().ifPresent(action -> condition(where, parameters, "e.action = :action", "action", action));
        query.from().ifPresent(from -> condition(where, parameters, "e.occurredAt >= :from", "from", from));
        query.to().ifPresent(to -> condition(where, parameters, "e.occurredAt < :to", "to", to));
        TypedQuery<AuditEntry> rows = em.createQuery("SELECT e FROM AuditEntry e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
                AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<AuditView> items = new ArrayList<>();
        rows.setFirstResult(Page.offset(page, pageSize)).setMaxResults(pageSize).getResultStream()
                .forEach(entry -> items.add(entry.view()));
        return new Page<>(items, page, pageSize, count.getSingleResult());
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        where.append(" AND ").append(clause);
        parameters.put(name, value);
    }
}
