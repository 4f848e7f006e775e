package stream.pika.interactions.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import stream.pika.platform.control.SongIdentity;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.identity.entity.Roles;
import stream.pika.interactions.entity.InteractionViews;
import stream.pika.live.entity.SessionViews;
import stream.pika.platform.entity.UtcInstants;
import stream.pika.platform.entity.WireFormat;

import java.io.StringReader;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What interactions left in PostgreSQL: a dancer's likes, the most liked tracks, totals, a set's polls. */
@Stateless
@DeclareRoles(Roles.DJ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InteractionHistory {

    @Resource
    SessionContext context;

    static final int CLIENT_LIKES = 100;
    static final int TOP_TRACKS = 10;

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /** The dancer's newest likes (anyone who knows the client id may read them, as the original). */
    public InteractionViews.ClientLikes clientLikes(String clientId) {
        List<InteractionViews.LikedTrack> likes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT l.id, l.session_id, p.artist, p.title, l.created_at, s.dj_name, s.started_at"
                        + " FROM likes l JOIN played_tracks p ON p.id = l.played_track_id LEFT JOIN sessions s ON s.id = l.session_id"
                        + " WHERE l.client_id = ?1 ORDER BY l.created_at DESC, l.id DESC LIMIT " + CLIENT_LIKES)
                .setParameter(1, clientId).getResultList()) {
            Object[] c = (Object[]) row;
            likes.add(new InteractionViews.LikedTrack(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                    instant(c[4]), (String) c[5], instant(c[6])));
        }
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM likes WHERE client_id = ?1")
                .setParameter(1, clientId).getSingleResult()).longValue();
        return new InteractionViews.ClientLikes(clientId, total, likes);
    }

    /**
     * The most liked songs ({@link SongIdentity}): a play Smart Crate linked counts for its catalog
     * record, under the record's names (its spellings are one song); an unlinked play under its own.
     */
    public List<InteractionViews.TopTrack> topTracks() {
        List<InteractionViews.TopTrack> top = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT coalesce(min(g.artist), min(p.artist)) AS artist,"
                + " coalesce(min(g.title), min(p.title)) AS title, count(*) AS likes FROM likes l"
                + " JOIN played_tracks p ON p.id = l.played_track_id LEFT JOIN global_tracks g ON g.id = p.global_track_id"
                + " GROUP BY " + SongIdentity.of("p")
                + " ORDER BY likes DESC, artist, title LIMIT " + TOP_TRACKS).getResultList()) {
            Object[] c = (Object[]) row;
            top.add(new InteractionViews.TopTrack((String) c[0], (String) c[1], ((Number) c[2]).longValue()));
        }
        return top;
    }

    public InteractionViews.GlobalStats global() {
        Object[] c = (Object[]) em.createNativeQuery("SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM played_tracks),"
                + " (SELECT count(*) FROM likes)").getSingleResult();
        return new InteractionViews.GlobalStats(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), ((Number) c[2]).longValue());
    }

    /**
     * The recap's polls with their results, for the set's own DJ only (the caller, as the bearer
     * token established it): anyone else gets empty.
     */
    public Optional<InteractionViews.PollResults> pollsForItsDj(SessionViews.Recap recap) {
        Principal caller = context.getCallerPrincipal();
        boolean itsDj = caller != null && context.isCallerInRole(Roles.DJ) && recap.djId() != null
                && recap.djId().toString().equals(caller.getName());
        return itsDj ? Optional.of(polls(recap.sessionId())) : Optional.empty();
    }

    /** The set's polls with their results, oldest first (the recap shows them to the set's DJ only). */
    private InteractionViews.PollResults polls(String sessionId) {
        List<InteractionViews.PollResult> polls = new ArrayList<>();
        int allVotes = 0;
        for (Object row : em.createNativeQuery("SELECT p.id, p.question, CAST(p.options AS text), p.started_at, p.ended_at,"
                        + " p.current_track_artist, p.current_track_title,"
                        + " (SELECT string_agg(v.option_index::text, ',') FROM poll_votes v WHERE v.poll_id = p.id)"
                        + " FROM polls p WHERE p.session_id = ?1 ORDER BY p.started_at, p.id")
                .setParameter(1, sessionId).getResultList()) {
            Object[] c = (Object[]) row;
            List<String> options;
            try (var reader = WireFormat.jsonp().createReader(new StringReader((String) c[2]))) {
                JsonArray array = reader.readArray();
                options = array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
            }
            int[] counts = new int[options.size()];
            if (c[7] != null) {
                for (String option : ((String) c[7]).split(",")) {
                    int index = Integer.parseInt(option);
                    if (index < counts.length) {
                        counts[index]++;
                    }
                }
            }
            int total = 0;
            int winner = -1;
            for (int i = 0; i < counts.length; i++) {
                total += counts[i];
                if (counts[i] > 0 && (winner < 0 || counts[i] > counts[winner])) {
                    winner = i;
                }
            }
            allVotes += total;
            polls.add(new InteractionViews.PollResult(((Number) c[0]).longValue(), (String) c[1], options,
                    java.util.Arrays.stream(counts).boxed().toList(), total, winner, winner < 0 ? null : options.get(winner),
                    instant(c[3]), instant(c[4]), (String) c[5], (String) c[6]));
        }
        return new InteractionViews.PollResults(polls, polls.size(), allVotes);
    }

    private static Instant instant(Object column) {
        return UtcInstants.fromColumn(column);
    }
}
