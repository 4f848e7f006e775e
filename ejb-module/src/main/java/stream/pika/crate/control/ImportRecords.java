package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.crate.entity.RefusedRow;
import stream.pika.platform.control.AuditLog;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.WireFormat;

import java.util.List;

/** The record of each catalog import: started, then its counts and refused rows (each method one transaction). */
@Stateless
public class ImportRecords {

    /** Refused rows kept per import: enough to fix a file, not a second copy of a broken one. */
    static final int REFUSED_KEPT = 1000;

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    AuditLog audit;

    public long started(Long importedBy, String fileName) {
        return ((Number) em.createNativeQuery("INSERT INTO catalog_imports (imported_by, file_name) VALUES (?1, ?2) RETURNING id")
                .setParameter(1, importedBy).setParameter(2, fileName).getSingleResult()).longValue();
    }

    /** The import's outcome, with its entry in the audit trail (in the same transaction). */
    public void finished(long importId, long rowsRead, int created, int merged, List<RefusedRow> refused, boolean failed, AuditAct act) {
        var array = WireFormat.jsonp().createArrayBuilder();
        refused.stream().limit(REFUSED_KEPT).forEach(row -> array.add(WireFormat.jsonp().createObjectBuilder()
                .add("line", row.line()).add("reason", row.reason())));
        em.createNativeQuery("UPDATE catalog_imports SET rows_read = ?2, created = ?3, merged = ?4, refused = CAST(?5 AS jsonb),"
                        + " status = ?6, finished_at = now() WHERE id = ?1")
                .setParameter(1, importId).setParameter(2, rowsRead).setParameter(3, created).setParameter(4, merged)
                .setParameter(5, array.build().toString()).setParameter(6, failed ? "failed" : "done").executeUpdate();
        audit.record(act);
    }
}
