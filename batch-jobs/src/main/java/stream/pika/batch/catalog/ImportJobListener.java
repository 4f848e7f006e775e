package stream.pika.batch.catalog;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.CatalogImports;

/** The end of a catalog-import run: the import done or failed, its file dropped, the audit trail told. */
@Dependent
@Named("importJobListener")
public class ImportJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    CatalogImports imports;

    @Inject
    @BatchProperty(name = "import")
    String importId;

    @Inject
    @BatchProperty(name = "admin")
    String adminId;

    @Inject
    @BatchProperty(name = "address")
    String address;

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        boolean failed = status == BatchStatus.FAILED || status == BatchStatus.STOPPING || status == BatchStatus.STOPPED
                || (job.getExitStatus() != null && job.getExitStatus().startsWith("FAIL"));
        // A failed import keeps the chunks it wrote; sent again, its rows merge with them (nothing doubled).
        imports.jobEnded(Long.parseLong(importId), Long.parseLong(adminId), address == null ? "" : address, failed);
    }
}
