package stream.pika.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import stream.pika.admin.control.NodeVitalsBoard;
import stream.pika.admin.entity.NodeVitals;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.NodeIdentity;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds each node puts its vitals on the board the admin console reads. The same figures
 * are MicroProfile Metrics gauges ({@code pika.websockets.open}, {@code pika.messages.delivered}),
 * so Payara's monitoring and a Prometheus scrape of {@code /mp-metrics} see them too.
 */
@Singleton
@Startup
public class NodeVitalsRecorder {

    private static final Logger LOG = Logger.getLogger(NodeVitalsRecorder.class.getName());
    private static final long MB = 1024 * 1024;
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Inject
    TopicBus bus;

    @Inject
    NodeVitalsBoard board;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry metrics;

    private long lastDelivered = -1;
    private Instant lastAt;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        metrics.gauge(Metadata.builder().withName("pika.websockets.open")
                .withDescription("WebSocket connections open on this node").build(), bus, TopicBus::connectionsHere);
        metrics.gauge(Metadata.builder().withName("pika.messages.delivered")
                .withDescription("Messages handed to this node's connections since it started (one per recipient)").build(),
                bus, TopicBus::deliveredHere);
        task = scheduler.scheduleAtFixedRate(this::sample, 1, INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private synchronized void sample() {
        try {
            Instant now = clock.instant();
            long delivered = bus.deliveredHere();
            double perSecond = 0;
            if (lastDelivered >= 0 && lastAt != null) {
                long millis = Math.max(1, Duration.between(lastAt, now).toMillis());
                perSecond = Math.round((delivered - lastDelivered) * 10_000.0 / millis) / 10.0;
            }
            lastDelivered = delivered;
            lastAt = now;
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            board.record(new NodeVitals(NodeIdentity.nodeId(), now, bus.connectionsHere(), perSecond, heap.getUsed() / MB,
                    heap.getMax() / MB));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Node vitals not recorded this time: " + e.getMessage(), e);
        }
    }
}
