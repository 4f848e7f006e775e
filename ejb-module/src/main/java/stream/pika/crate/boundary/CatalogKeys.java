package stream.pika.crate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import stream.pika.crate.control.CatalogRepository;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, the matcher's blocking keys for catalog records written before they existed
 * (schema V11), a thousand records per transaction, off the start's thread: until they are
 * filled those records are found by their exact names only. Nodes starting together share the
 * work (each takes records the others have not locked).
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogKeys {

    static final int BATCH = 1_000;
    private static final Logger LOG = Logger.getLogger(CatalogKeys.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CatalogRepository catalog;

    @PostConstruct
    void fillMissing() {
        executor.execute(() -> {
            try {
                long filled = 0;
                for (int done = catalog.fillMissingKeys(BATCH); done > 0; done = catalog.fillMissingKeys(BATCH)) {
                    filled += done;
                }
                if (filled > 0) {
                    long total = filled;
                    LOG.info(() -> "Catalog: matching keys filled for " + total + " record(s) written before they existed");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Catalog: filling the matching keys failed; the next start tries again", e);
            }
        });
    }
}
