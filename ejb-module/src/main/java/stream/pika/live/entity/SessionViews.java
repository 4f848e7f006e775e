package stream.pika.live.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read models of sessions for the REST API, in the original's shapes (contract section 2). Where
 * the original sends {@code null} (a database NULL, no current track) the REST adapter writes it.
 */
public final class SessionViews {

    private SessionViews() {
    }

    /** {@code GET /api/sessions/active}: {@code {"live":false,"sessions":[]}} or with a count. */
    public record ActiveSessions(boolean live, Integer count, List<ActiveSession> sessions) {
        public static ActiveSessions of(List<ActiveSession> sessions) {
            return new ActiveSessions(!sessions.isEmpty(), sessions.isEmpty() ? null : sessions.size(), sessions);
        }
    }

    /** No track playing is {@code "currentTrack": null} in the original. */
    public record ActiveSession(String sessionId, String djName, Instant startedAt,
                                ActiveTrack currentTrack, int listenerCount, double momentum) {
    }

    public record ActiveTrack(String title, String artist, BigDecimal bpm) {
    }

    /** {@code GET /api/sessions/recent}. */
    public record RecentSession(String id, String djName, Instant startedAt, Instant endedAt) {
    }

    /** {@code GET /api/sessions/{id}/history}. */
    public record PlayedEntry(long id, String artist, String title, Instant playedAt) {
    }

    /** {@code GET /api/sessions/{id}/recap} (the polls part comes with the interactions). */
    /** {@code djId}: the account that ran the set (not shown; it decides who sees the polls). */
    /** {@code uniqueSongs}: the set's songs, a song counted once across its spellings ({@code SongIdentity}). */
    public record Recap(String sessionId, String djName, Instant startedAt, Instant endedAt, int trackCount,
                        long uniqueSongs, long totalLikes, List<RecapTrack> tracks, Long djId) {
    }

    /**
     * Missing analysis and tempo are {@code null} in the original (database NULLs). {@code song}:
     * the catalog record Smart Crate linked the play to, empty until then.
     */
    public record RecapTrack(int position, String artist, String title, Integer bpm, String key, Integer energy,
                             Integer danceability, Integer brightness, Integer acousticness, Integer groove,
                             Instant playedAt, long likes, Tempo tempo, Optional<Song> song) {
    }

    /** A catalog record, under its own names. */
    public record Song(long globalTrackId, String artist, String title, String spotifyUri) {
    }

    public record Tempo(int slower, int perfect, int faster) {
    }

    /** A DJ's public page: the account's latest sets (its own only; the original also took anonymous sets of the same name). */
    /** {@code uniqueTracks}: the songs of all the DJ's sets, each once across its spellings. */
    public record DjPage(String slug, String djName, List<DjSession> sessions, int totalSessions, long totalTracks, long uniqueTracks) {
    }

    /** {@code endedAt} is null while the set runs (the original writes the null). */
    public record DjSession(String id, String djName, Instant startedAt, Instant endedAt, long trackCount) {
    }

    public record FingerprintSync(int synced, int total, String sessionId) {
    }
}
