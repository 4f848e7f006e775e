package stream.pika.live.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import stream.pika.identity.entity.Roles;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.PublicDj;
import stream.pika.live.control.SessionArchive;
import stream.pika.live.entity.SessionViews;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.SongIdentity;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.UtcInstants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What sessions left behind: recent sets, a set's track history, and its recap. */
@Stateless
@DeclareRoles(Roles.DJ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SessionHistory {

    static final int RECENT = 5;
    static final int HISTORY = 50;
    static final int RECAP_TRACKS = 500;
    static final int DJ_PAGE_SESSIONS = 20;
    /** A set that was never ended counts as over this long after its last track. */
    static final Duration OPEN_END = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SessionArchive archive;

    @Inject
    DjAccounts accounts;

    /** The last sets that ended, newest first. */
    public List<SessionViews.RecentSession> recent() {
        List<SessionViews.RecentSession> sessions = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, dj_name, started_at, ended_at FROM sessions"
                + " WHERE ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT " + RECENT).getResultList()) {
            Object[] c = (Object[]) row;
            sessions.add(new SessionViews.RecentSession((String) c[0], (String) c[1], instant(c[2]), instant(c[3])));
        }
        return sessions;
    }

    /** The set's last tracks, newest first. */
    public List<SessionViews.PlayedEntry> history(String sessionId) {
        List<SessionViews.PlayedEntry> tracks = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, artist, title, played_at FROM played_tracks WHERE session_id = ?1"
                        + " ORDER BY played_at DESC, id DESC LIMIT " + HISTORY)
                .setParameter(1, sessionId).getResultList()) {
            Object[] c = (Object[]) row;
            tracks.add(new SessionViews.PlayedEntry(((Number) c[0]).longValue(), (String) c[1], (String) c[2], instant(c[3])));
        }
        return tracks;
    }

    /** The set from its first track to its last, with likes and tempo per track; empty if unknown. */
    public Optional<SessionViews.Recap> recap(String sessionId) {
        List<?> found = em.createNativeQuery("SELECT dj_name, started_at, ended_at, dj_user_id FROM sessions WHERE id = ?1")
                .setParameter(1, sessionId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] session = (Object[]) found.get(0);
        List<SessionViews.RecapTrack> tracks = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT pt.artist, pt.title, pt.bpm, pt.key, pt.energy, pt.danceability,"
                        + " pt.brightness, pt.acousticness, pt.groove, pt.played_at,"
                        + " (SELECT count(*) FROM likes l WHERE l.played_track_id = pt.id),"
                        + " tv.slower_count, tv.perfect_count, tv.faster_count, g.id, g.artist, g.title, g.spotify_uri"
                        + " FROM played_tracks pt LEFT JOIN global_tracks g ON g.id = pt.global_track_id LEFT JOIN LATERAL (SELECT slower_count, perfect_count, faster_count"
                        + "   FROM tempo_votes t WHERE t.played_track_id = pt.id ORDER BY t.created_at DESC LIMIT 1) tv ON true"
                        + " WHERE pt.session_id = ?1 ORDER BY pt.played_at, pt.id LIMIT " + RECAP_TRACKS)
                .setParameter(1, sessionId).getResultList()) {
            Object[] c = (Object[]) row;
            SessionViews.Tempo tempo = c[11] == null ? null
                    : new SessionViews.Tempo(integer(c[11]), integer(c[12]), integer(c[13]));
            tracks.add(new SessionViews.RecapTrack(tracks.size() + 1, (String) c[0], (String) c[1], integerOrNull(c[2]),
                    (String) c[3], integerOrNull(c[4]), integerOrNull(c[5]), integerOrNull(c[6]), integerOrNull(c[7]),
                    integerOrNull(c[8]), instant(c[9]), ((Number) c[10]).longValue(), tempo,
                    c[14] == null ? Optional.empty()
                            : Optional.of(new SessionViews.Song(((Number) c[14]).longValue(), (String) c[15], (String) c[16], (String) c[17]))));
        }
        Object[] counts = (Object[]) em.createNativeQuery("SELECT (SELECT count(*) FROM likes WHERE session_id = ?1),"
                        + " (SELECT count(DISTINCT " + SongIdentity.of("p") + ") FROM played_tracks p WHERE p.session_id = ?1)")
                .setParameter(1, sessionId).getSingleResult();
        long totalLikes = ((Number) counts[0]).longValue();
        long uniqueSongs = ((Number) counts[1]).longValue();
        Instant now = clock.instant();
        Instant endedAt = session[2] != null ? instant(session[2])
                : tracks.isEmpty() ? now : min(now, tracks.get(tracks.size() - 1).playedAt().plus(OPEN_END));
        return Optional.of(new SessionViews.Recap(sessionId, (String) session[0], instant(session[1]), endedAt,
                tracks.size(), uniqueSongs, totalLikes, tracks, session[3] == null ? null : ((Number) session[3]).longValue()));
    }

    /** The DJ's public page by slug: the 20 latest sets of the account and its unique tracks; empty when no DJ has that slug. */
    public Optional<SessionViews.DjPage> djPage(String slug) {
        Optional<PublicDj> found = accounts.publicDj(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublicDj dj = found.get();
        List<SessionViews.DjSession> sessions = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.id, s.dj_name, s.started_at, s.ended_at,"
                        + " (SELECT count(*) FROM played_tracks p WHERE p.session_id = s.id)"
                        + " FROM sessions s WHERE s.dj_user_id = ?1 ORDER BY s.started_at DESC LIMIT " + DJ_PAGE_SESSIONS)
                .setParameter(1, dj.id()).getResultList()) {
            Object[] c = (Object[]) row;
            sessions.add(new SessionViews.DjSession((String) c[0], (String) c[1], instant(c[2]), instant(c[3]), ((Number) c[4]).longValue()));
        }
        long uniqueTracks = ((Number) em.createNativeQuery("SELECT count(DISTINCT " + SongIdentity.of("p") + ") FROM played_tracks p"
                + " JOIN sessions s ON s.id = p.session_id WHERE s.dj_user_id = ?1").setParameter(1, dj.id()).getSingleResult()).longValue();
        return Optional.of(new SessionViews.DjPage(slug, dj.displayName(), sessions, sessions.size(),
                sessions.stream().mapToLong(SessionViews.DjSession::trackCount).sum(), uniqueTracks));
    }

    /**
     * The desktop's analysis of the set's tracks (BPM, key, energy...) written onto their plays.
     * Only the DJ account that registered the session may do it (the original let anyone).
     *
     * @throws PikaException NOT_FOUND for an unknown session, FORBIDDEN for another DJ's
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    @RolesAllowed(Roles.DJ)
    public SessionViews.FingerprintSync syncFingerprints(String sessionId, long djId, List<TrackInfo> tracks) {
        SessionArchive.StoredOwner owner = archive.ownerOf(sessionId).orElseThrow(() -> PikaException.notFound("Session not found"));
        if (owner.djId() == null || owner.djId() != djId) {
            throw PikaException.forbidden("Session belongs to another DJ");
        }
        int synced = 0;
        for (TrackInfo track : tracks) {
            if (archive.updateAnalysis(sessionId, track) > 0) {
                synced++;
            }
        }
        return new SessionViews.FingerprintSync(synced, tracks.size(), sessionId);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant instant(Object column) {
        return UtcInstants.fromColumn(column);
    }

    private static Integer integerOrNull(Object column) {
        return column == null ? null : ((Number) column).intValue();
    }

    private static int integer(Object column) {
        return ((Number) column).intValue();
    }
}
