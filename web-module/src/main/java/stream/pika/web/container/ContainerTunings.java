package stream.pika.web.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.platform.entity.WriterThreads;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the container implementation once, from {@code pika.ws.container-tuning}
 * ({@code PIKA_WS_CONTAINER_TUNING}): {@code auto} (the default) takes the tuned one when
 * {@link PayaraContainer#probe()} finds the tested container, {@code off} always the standard one.
 */
@ApplicationScoped
public class ContainerTunings {

    private static final Logger LOG = Logger.getLogger(ContainerTunings.class.getName());

    @Inject
    @ConfigProperty(name = "pika.ws.container-tuning", defaultValue = "auto")
    String setting;

    @Resource
    ManagedThreadFactory threads;

    @Produces
    @ApplicationScoped
    ContainerTuning chosen() {
        String mode = setting.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("off")) {
            LOG.warning(() -> "PIKA_WS_CONTAINER_TUNING=" + setting + " is neither auto nor off; using auto");
        }
        ContainerTuning tuning;
        if (mode.equals("off")) {
            tuning = new StandardContainer(threads);
            LOG.info("WebSocket container: standard API only (PIKA_WS_CONTAINER_TUNING=off)");
        } else {
            Optional<String> mismatch = PayaraContainer.probe();
            tuning = mismatch.isEmpty() ? new PayaraContainer(threads) : new StandardContainer(threads);
            LOG.info(() -> mismatch.map(why -> "WebSocket container: standard API only, not the tested container: " + why)
                    .orElse("WebSocket container: Payara-tuned " + tuning.tunings()));
        }
        return tuning;
    }

    /** The platform's writer threads (other nodes' messages) come from the chosen implementation. */
    @Produces
    @ApplicationScoped
    WriterThreads writerThreads(ContainerTuning tuning) {
        return tuning::newWriterThread;
    }
}
