package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;

/**
 * Runs of the platform's jobs across nodes: a lease per job (one run at a time; a run renews it
 * as it goes, so a node that dies hands the job over once it expires) and the runs' history.
 * Each method is one transaction.
 */
@Stateless
public class JobRuns {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /** Takes the job's lease for {@code holder} unless another holds it; answers whether it did. */
    public boolean lease(String job, String holder, Duration length) {
        return em.createNativeQuery("INSERT INTO job_leases (job, holder, held_until) VALUES (?1, ?2, now() + make_interval(secs => ?3))"
                        + " ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, held_until = EXCLUDED.held_until"
                        + " WHERE job_leases.held_until < now()")
                .setParameter(1, job).setParameter(2, holder).setParameter(3, (double) length.toSeconds()).executeUpdate() == 1;
    }

    public void renew(String job, String holder, Duration length) {
        em.createNativeQuery("UPDATE job_leases SET held_until = now() + make_interval(secs => ?3) WHERE job = ?1 AND holder = ?2")
                .setParameter(1, job).setParameter(2, holder).setParameter(3, (double) length.toSeconds()).executeUpdate();
    }

    public void release(String job, String holder) {
        em.createNativeQuery("DELETE FROM job_leases WHERE job = ?1 AND holder = ?2").setParameter(1, job).setParameter(2, holder).executeUpdate();
    }

    public long started(String job, String node, String startedBy) {
        return ((Number) em.createNativeQuery("INSERT INTO job_runs (job, node, started_by) VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, job).setParameter(2, node).setParameter(3, startedBy).getSingleResult()).longValue();
    }

    public void executing(long runId, long executionId) {
        em.createNativeQuery("UPDATE job_runs SET execution_id = ?2 WHERE id = ?1").setParameter(1, runId).setParameter(2, executionId)
                .executeUpdate();
    }

    public void ended(long runId, String status, long read, long written) {
        em.createNativeQuery("UPDATE job_runs SET ended_at = now(), status = ?2, items_read = ?3, items_written = ?4 WHERE id = ?1")
                .setParameter(1, runId).setParameter(2, status).setParameter(3, read).setParameter(4, written).executeUpdate();
    }

    /** The job's last run (start, status) and its runs and failures since {@code since}. */
    public Object[] overview(String job, java.time.Instant since) {
        return (Object[]) em.createNativeQuery("SELECT (SELECT started_at FROM job_runs WHERE job = ?1 ORDER BY id DESC LIMIT 1),"
                        + " (SELECT status FROM job_runs WHERE job = ?1 ORDER BY id DESC LIMIT 1),"
                        + " (SELECT count(*) FROM job_runs WHERE job = ?1 AND started_at >= ?2),"
                        + " (SELECT count(*) FROM job_runs WHERE job = ?1 AND started_at >= ?2 AND status IN ('FAILED', 'STOPPED', 'ABANDONED'))")
                .setParameter(1, job).setParameter(2, java.sql.Timestamp.from(since)).getSingleResult();
    }
}
