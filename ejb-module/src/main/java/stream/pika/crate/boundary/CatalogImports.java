package stream.pika.crate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.crate.control.CatalogRepository;
import stream.pika.crate.control.ExportifyCsv;
import stream.pika.crate.control.ImportRecords;
import stream.pika.crate.entity.CatalogTrack;
import stream.pika.crate.entity.ImportReport;
import stream.pika.crate.entity.ImportStatus;
import stream.pika.crate.entity.RefusedRow;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.PikaException;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Seeds the global catalog from a Spotify playlist export ({@code POST /api/admin/catalog/imports}):
 * read by header names, written in chunks (each its own transaction: a refused row never aborts
 * the file, and a failure keeps the chunks before it), duplicates by Spotify URI or ISRC merged.
 */
@Stateless
@DeclareRoles({Roles.ADMIN})
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogImports {

    static final int CHUNK = 500;
    /** The job that imports a kept file (batch-jobs: {@code META-INF/batch-jobs/catalog-import.xml}) and its parameters. */
    static final String JOB = "catalog-import";
    static final String IMPORT_PARAMETER = "import";
    static final String ADMIN_PARAMETER = "admin";
    static final String ADDRESS_PARAMETER = "address";
    private static final Logger LOG = Logger.getLogger(CatalogImports.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    ImportRecords records;

    @Inject
    CrateJobs jobs;

    @Resource
    SessionContext context;

    /**
     * @throws PikaException INVALID when the file is not a Spotify playlist export (its header) or not CSV
     */
    public ImportReport importCsv(Reader csv, String fileName, String clientIp) {
        long adminId = CallerIds.of(context);
        long importId = records.started(adminId, fileName);
        List<RefusedRow> refused = new ArrayList<>();
        List<CatalogTrack> chunk = new ArrayList<>(CHUNK);
        int[] counts = new int[2];
        long rows;
        try {
            rows = ExportifyCsv.read(csv, track -> {
                chunk.add(track);
                if (chunk.size() == CHUNK) {
                    write(chunk, counts);
                }
            }, refused::add);
            write(chunk, counts);
        } catch (IllegalArgumentException e) {
            write(chunk, counts);
            records.finished(importId, counts[0] + counts[1] + refused.size(), counts[0], counts[1], refused, true,
                    act(adminId, importId, clientIp, "failed: " + e.getMessage()));
            throw PikaException.invalid(e.getMessage());
        }
        if (counts[0] > 0) {
            catalog.refreshStatistics(); // the matcher's plans: a catalog grown tenfold is planned anew
        }
        records.finished(importId, rows, counts[0], counts[1], refused, false, act(adminId, importId, clientIp,
                rows + " rows: " + counts[0] + " created, " + counts[1] + " merged, " + refused.size() + " refused"));
        LOG.info(() -> "Catalog import " + importId + " (" + fileName + "): " + rows + " rows, " + counts[0] + " created, "
                + counts[1] + " merged, " + refused.size() + " refused");
        return new ImportReport(importId, rows, counts[0], counts[1], refused);
    }

    /**
     * The same import as a batch job ({@code POST /api/admin/catalog/imports?as=job}): the file is
     * checked (an export's header), kept in the database until the job ends, and imported in
     * checkpointed chunks; the answer comes at once. A failed run keeps the chunks it wrote: the
     * same file sent again merges with them.
     *
     * @throws PikaException INVALID when the file is not a Spotify playlist export (its header) or not CSV
     */
    public ImportStatus queue(String csv, String fileName, String clientIp) {
        long adminId = CallerIds.of(context);
        try {
            ExportifyCsv.read(new StringReader(csv), track -> { }, row -> { });
        } catch (IllegalArgumentException e) {
            throw PikaException.invalid(e.getMessage());
        }
        long importId = records.started(adminId, fileName);
        records.queued(importId, csv);
        Properties parameters = new Properties();
        parameters.setProperty(IMPORT_PARAMETER, Long.toString(importId));
        parameters.setProperty(ADMIN_PARAMETER, Long.toString(adminId));
        parameters.setProperty(ADDRESS_PARAMETER, clientIp == null ? "" : clientIp);
        long execution;
        try {
            execution = jobs.start(JOB, parameters);
        } catch (RuntimeException e) {
            // Not left "running" with its file kept for ever: failed, the file dropped, the audit trail told.
            records.ended(importId, true, details -> act(adminId, importId, clientIp, details + " (the job did not start)"));
            throw e;
        }
        records.executing(importId, execution);
        LOG.info(() -> "Catalog import " + importId + " (" + fileName + ") queued as job execution " + execution);
        return status(importId);
    }

    /** @throws PikaException NOT_FOUND for no such import */
    public ImportStatus status(long importId) {
        return records.status(importId).orElseThrow(() -> PikaException.notFound("No such import"));
    }

    /** The rows of an import's kept file, in order: each a track or a refused row (the job's reader). */
    @PermitAll
    public List<Object> rowsOf(long importId) {
        String csv = records.fileOf(importId).orElseThrow(() -> new IllegalStateException("Import " + importId + " has no file to read"));
        List<Object> rows = new ArrayList<>();
        ExportifyCsv.read(new StringReader(csv), rows::add, rows::add);
        return rows;
    }

    /** A chunk of the import's job: its tracks written (merged by Spotify URI or ISRC), its counts and refused rows recorded. */
    @PermitAll
    public void writeChunk(long importId, List<CatalogTrack> tracks, List<RefusedRow> refused) {
        CatalogRepository.Upserted done = tracks.isEmpty() ? new CatalogRepository.Upserted(0, 0) : catalog.upsert(tracks);
        records.progressed(importId, (long) tracks.size() + refused.size(), done.created(), done.merged(), refused);
    }

    /** The import's job ended (its listener): the import done or failed, the file dropped, the audit trail told. */
    @PermitAll
    public void jobEnded(long importId, long adminId, String clientIp, boolean failed) {
        if (!failed) {
            catalog.refreshStatistics();
        }
        records.ended(importId, failed, details -> act(adminId, importId, clientIp.isEmpty() ? null : clientIp, details));
        LOG.info(() -> "Catalog import " + importId + " (batch job) " + (failed ? "failed" : "done"));
    }

    private static AuditAct act(long adminId, long importId, String clientIp, String details) {
        return new AuditAct(adminId, "catalog.import", "catalog_import", Long.toString(importId), null, clientIp, details);
    }

    private void write(List<CatalogTrack> chunk, int[] counts) {
        if (!chunk.isEmpty()) {
            CatalogRepository.Upserted done = catalog.upsert(List.copyOf(chunk));
            counts[0] += done.created();
            counts[1] += done.merged();
            chunk.clear();
        }
    }
}
