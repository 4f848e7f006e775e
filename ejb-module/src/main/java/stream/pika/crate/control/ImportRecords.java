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

    /** Keeps an import's file for its batch job, and the job's execution on the import. */
    public void queued(long importId, String content) {
        em.createNativeQuery("INSERT INTO catalog_import_files (import_id, content) VALUES (?1, ?2)")
                .setParameter(1, importId).setParameter(2, content).executeUpdate();
    }

    public void executing(long importId, long executionId) {
        em.createNativeQuery("UPDATE catalog_imports SET execution_id = ?2 WHERE id = ?1")
                .setParameter(1, importId).setParameter(2, executionId).executeUpdate();
    }

    /** The kept file of an import whose job has not ended; empty once it has. */
    public java.util.Optional<String> fileOf(long importId) {
        List<?> rows = em.createNativeQuery("SELECT content FROM catalog_import_files WHERE import_id = ?1")
                .setParameter(1, importId).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of((String) rows.get(0));
    }

    /** A chunk of the import's job written: its counts added, its refused rows kept (up to {@value #REFUSED_KEPT}). */
    public void progressed(long importId, long rowsRead, int created, int merged, List<RefusedRow> refused) {
        em.createNativeQuery("UPDATE catalog_imports SET rows_read = rows_read + ?2, created = created + ?3, merged = merged + ?4,"
                        + " refused = CASE WHEN jsonb_array_length(refused) >= " + REFUSED_KEPT + " THEN refused"
                        + " ELSE refused || CAST(?5 AS jsonb) END WHERE id = ?1")
                .setParameter(1, importId).setParameter(2, rowsRead).setParameter(3, created).setParameter(4, merged)
                .setParameter(5, refusedJson(refused)).executeUpdate();
    }

    /** The import's job ended: the import done or failed (its counts as its chunks left them), the file dropped, audited. */
    public void ended(long importId, boolean failed, java.util.function.Function<String, AuditAct> act) {
        Object[] counts = (Object[]) em.createNativeQuery("UPDATE catalog_imports SET status = ?2, finished_at = now() WHERE id = ?1"
                        + " RETURNING rows_read, created, merged, jsonb_array_length(refused)")
                .setParameter(1, importId).setParameter(2, failed ? "failed" : "done").getSingleResult();
        em.createNativeQuery("DELETE FROM catalog_import_files WHERE import_id = ?1").setParameter(1, importId).executeUpdate();
        audit.record(act.apply((failed ? "failed after " : "") + counts[0] + " rows: " + counts[1] + " created, " + counts[2]
                + " merged, " + counts[3] + " refused"));
    }

    /** The import as recorded: status, counts, refused rows, its job's execution. */
    public java.util.Optional<stream.pika.crate.entity.ImportStatus> status(long importId) {
        List<?> rows = em.createNativeQuery("SELECT id, file_name, status, rows_read, created, merged, refused::text, execution_id,"
                + " started_at, finished_at FROM catalog_imports WHERE id = ?1").setParameter(1, importId).getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] c = (Object[]) rows.get(0);
        List<RefusedRow> refused = new java.util.ArrayList<>();
        try (var reader = WireFormat.jsonp().createReader(new java.io.StringReader((String) c[6]))) {
            for (var row : reader.readArray().getValuesAs(jakarta.json.JsonObject.class)) {
                refused.add(new RefusedRow(row.getJsonNumber("line").longValue(), row.getString("reason")));
            }
        }
        return java.util.Optional.of(new stream.pika.crate.entity.ImportStatus(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                ((Number) c[3]).longValue(), ((Number) c[4]).intValue(), ((Number) c[5]).intValue(), refused,
                c[7] == null ? null : ((Number) c[7]).longValue()));
    }

    private static String refusedJson(List<RefusedRow> refused) {
        var array = WireFormat.jsonp().createArrayBuilder();
        refused.stream().limit(REFUSED_KEPT).forEach(row -> array.add(WireFormat.jsonp().createObjectBuilder()
                .add("line", row.line()).add("reason", row.reason())));
        return array.build().toString();
    }

    /** The import's outcome, with its entry in the audit trail (in the same transaction). */
    public void finished(long importId, long rowsRead, int created, int merged, List<RefusedRow> refused, boolean failed, AuditAct act) {
        em.createNativeQuery("UPDATE catalog_imports SET rows_read = ?2, created = ?3, merged = ?4, refused = CAST(?5 AS jsonb),"
                        + " status = ?6, finished_at = now() WHERE id = ?1")
                .setParameter(1, importId).setParameter(2, rowsRead).setParameter(3, created).setParameter(4, merged)
                .setParameter(5, refusedJson(refused)).setParameter(6, failed ? "failed" : "done").executeUpdate();
        audit.record(act);
    }
}
