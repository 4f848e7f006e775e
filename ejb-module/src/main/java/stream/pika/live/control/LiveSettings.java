package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Live-session settings (environment: the property name in upper case with '_', e.g.
 * {@code PIKA_LIVE_RECONNECT_GRACE=PT90S}). Defaults are the original's figures where it had one.
 */
@ApplicationScoped
public class LiveSettings {

    /** Private installs may let DJs go live without an account. */
    @Inject
    @ConfigProperty(name = "pika.live.allow-anonymous-djs", defaultValue = "false")
    boolean allowAnonymousDjs;

    @Inject
    @ConfigProperty(name = "pika.live.max-sessions", defaultValue = "1000")
    int maxSessions;

    /** Live sessions one DJ account may hold at once (a set on two laptops, a hand-over). */
    @Inject
    @ConfigProperty(name = "pika.live.max-sessions-per-dj", defaultValue = "3")
    int maxSessionsPerDj;

    /** Live sessions one connection may have registered (the ones it moved on from wait out their grace). */
    @Inject
    @ConfigProperty(name = "pika.live.max-sessions-per-connection", defaultValue = "3")
    int maxSessionsPerConnection;

    /** How long a session waits for its DJ to come back after the DJ's connection dropped. */
    @Inject
    @ConfigProperty(name = "pika.live.reconnect-grace", defaultValue = "PT60S")
    Duration reconnectGrace;

    /** Expiry: idle longer than this ... */
    @Inject
    @ConfigProperty(name = "pika.live.expiry.idle", defaultValue = "PT4H")
    Duration expiryIdle;

    /** ... once older than this, or older than {@link #expiryMaxAge} whatever happens. */
    @Inject
    @ConfigProperty(name = "pika.live.expiry.idle-min-age", defaultValue = "PT8H")
    Duration expiryIdleMinAge;

    @Inject
    @ConfigProperty(name = "pika.live.expiry.max-age", defaultValue = "PT24H")
    Duration expiryMaxAge;

    /** A dancer still counts this long after the last connection closed (phones in pockets). */
    @Inject
    @ConfigProperty(name = "pika.live.listener-linger", defaultValue = "PT5M")
    Duration listenerLinger;

    /** LISTENER_COUNT goes out at most this often per session. */
    @Inject
    @ConfigProperty(name = "pika.live.listener-count-interval", defaultValue = "PT2S")
    Duration listenerCountInterval;

    /** How often the grace and expiry rules are checked. */
    @Inject
    @ConfigProperty(name = "pika.live.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    /** The original's 5-second rule between two BROADCAST_TRACKs of a session. */
    @Inject
    @ConfigProperty(name = "pika.live.broadcast-min-interval", defaultValue = "PT5S")
    Duration broadcastMinInterval;

    @Inject
    @ConfigProperty(name = "pika.live.message-id-ttl", defaultValue = "PT5M")
    Duration messageIdTtl;

    public boolean allowAnonymousDjs() {
        return allowAnonymousDjs;
    }

    public int maxSessionsPerDj() {
        return maxSessionsPerDj;
    }

    public int maxSessionsPerConnection() {
        return maxSessionsPerConnection;
    }

    public int maxSessions() {
        return maxSessions;
    }

    public Duration reconnectGrace() {
        return reconnectGrace;
    }

    public Duration expiryIdle() {
        return expiryIdle;
    }

    public Duration expiryIdleMinAge() {
        return expiryIdleMinAge;
    }

    public Duration expiryMaxAge() {
        return expiryMaxAge;
    }

    public Duration listenerLinger() {
        return listenerLinger;
    }

    public Duration listenerCountInterval() {
        return listenerCountInterval;
    }

    public Duration sweepInterval() {
        return sweepInterval;
    }

    public Duration broadcastMinInterval() {
        return broadcastMinInterval;
    }

    public Duration messageIdTtl() {
        return messageIdTtl;
    }
}
