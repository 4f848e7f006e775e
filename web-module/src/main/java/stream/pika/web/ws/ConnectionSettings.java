package stream.pika.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** WebSocket connection settings ({@code PIKA_WS_*} in the environment). */
@ApplicationScoped
public class ConnectionSettings {

    /** Server pings keep idle phones' connections (and the proxies between) open. */
    @Inject
    @ConfigProperty(name = "pika.ws.ping-interval", defaultValue = "PT30S")
    Duration pingInterval;

    /** A connection that sends nothing (not even a pong) this long is closed. */
    @Inject
    @ConfigProperty(name = "pika.ws.idle-timeout", defaultValue = "PT5M")
    Duration idleTimeout;

    /** Messages a connection may have waiting to be written before it counts as too slow and is closed. */
    @Inject
    @ConfigProperty(name = "pika.ws.send-queue-limit", defaultValue = "512")
    int sendQueueLimit;

    /** Bytes a connection may have waiting to be written (counted as characters: the JSON is almost all ASCII); a few large answers are enough. */
    @Inject
    @ConfigProperty(name = "pika.ws.send-queue-bytes", defaultValue = "4194304")
    long sendQueueBytes;

    /** A closed connection still open this long after its close (its close frame could not be written) is terminated. */
    @Inject
    @ConfigProperty(name = "pika.ws.close-grace", defaultValue = "PT5S")
    Duration closeGrace;

    public Duration closeGrace() {
        return closeGrace;
    }

    public long sendQueueBytes() {
        return sendQueueBytes;
    }

    public Duration pingInterval() {
        return pingInterval;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int sendQueueLimit() {
        return sendQueueLimit;
    }
}
