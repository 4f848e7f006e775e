package stream.pika.live.entity;

import java.time.Instant;

/**
 * A session that is live now: who runs it, what is playing, and whose connection may act for
 * the DJ. While the DJ's connection is gone ({@code djDisconnectedAt} set) the session waits
 * out the reconnect grace.
 *
 * @param djId              the owning DJ account, null for an anonymous DJ
 * @param ownerConnectionId the connection that may broadcast, stop and end
 * @param currentTrack      null when nothing plays
 * @param djDisconnectedAt  null while the DJ is connected
 * @param stageId           the stage of an event it is live on, null for a set of its own
 */
public record LiveSession(String sessionId, String djName, Long djId, Instant startedAt, Instant lastActivityAt,
                          TrackInfo currentTrack, String ownerConnectionId, Instant djDisconnectedAt, Long stageId) {

    public static LiveSession start(String sessionId, String djName, Long djId, String ownerConnectionId, Instant now,
                                    Long stageId) {
        return new LiveSession(sessionId, djName, djId, now, now, null, ownerConnectionId, null, stageId);
    }

    public boolean ownedBy(String connectionId) {
        return djDisconnectedAt == null && ownerConnectionId.equals(connectionId);
    }

    /** Whether this DJ account (null: anonymous) is the one that registered the session. */
    public boolean belongsTo(Long accountId) {
        return djId == null ? accountId == null : djId.equals(accountId);
    }

    public LiveSession resumedBy(String connectionId, String name, Instant now) {
        return new LiveSession(sessionId, name, djId, startedAt, now, currentTrack, connectionId, null, stageId);
    }

    public LiveSession playing(TrackInfo track, Instant now) {
        return new LiveSession(sessionId, djName, djId, startedAt, now, track, ownerConnectionId, djDisconnectedAt, stageId);
    }

    public LiveSession stopped(Instant now) {
        return playing(null, now);
    }

    public LiveSession djGone(Instant now) {
        return new LiveSession(sessionId, djName, djId, startedAt, lastActivityAt, currentTrack, ownerConnectionId, now, stageId);
    }

    /** The same set, now live on the stage (a DJ app that resumed naming another stage). */
    public LiveSession onStage(Long stage) {
        return new LiveSession(sessionId, djName, djId, startedAt, lastActivityAt, currentTrack, ownerConnectionId,
                djDisconnectedAt, stage);
    }
}
