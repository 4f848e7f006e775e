package stream.pika.admin.entity;

import stream.pika.crate.entity.MatchingOverview;

import java.time.Instant;
import java.util.List;

/**
 * The platform as the admin console shows it: every node now, the last hour minute by minute
 * (all nodes together), and the shared parts.
 *
 * @param nodes           each node that reported in the last half minute
 * @param lastHour        connections and messages/s of all nodes, a point per minute
 * @param liveSessions    sets live now (null when the live state cannot be read)
 * @param pushSent        pushes accepted by the push services in the last 24 hours
 * @param pushFailed      pushes refused or lost in the last 24 hours
 * @param redis           "connected", "unavailable", or null without Redis
 * @param redisMemory     Redis' own figure of its memory use (e.g. "1.52M"), when it answers
 * @param databaseUp      whether PostgreSQL answered
 * @param databaseConnections connections of this application's database open now (all nodes)
 * @param databasePoolMax the most connections one node's pool opens
 * @param matching        the track-matching job's runs
 */
public record PlatformHealth(Instant at, List<NodeVitals> nodes, List<VitalsPoint> lastHour, Long liveSessions, long pushSent,
                             long pushFailed, String redis, String redisMemory, boolean databaseUp, Integer databaseConnections,
                             int databasePoolMax, MatchingOverview matching) {

    /** Above this share of failed pushes the console warns. */
    public static final double PUSH_FAILURE_WARNING = 0.10;

    public boolean pushFailuresHigh() {
        long all = pushSent + pushFailed;
        return all > 0 && (double) pushFailed / all > PUSH_FAILURE_WARNING;
    }

    /** A minute of the last hour: all nodes' connections and messages/s (their latest sample in that minute). */
    public record VitalsPoint(Instant minute, int connections, double messagesPerSecond) {
    }
}
