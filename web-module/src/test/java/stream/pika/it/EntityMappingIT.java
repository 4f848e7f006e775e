package stream.pika.it;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserToken;
import stream.pika.interactions.entity.Like;
import stream.pika.interactions.entity.Poll;
import stream.pika.interactions.entity.PollVote;
import stream.pika.interactions.entity.TempoTally;
import stream.pika.live.entity.PlayedTrack;
import stream.pika.live.entity.SessionEvent;
import stream.pika.live.entity.SessionRecord;
import stream.pika.push.entity.PushSubscription;

import java.io.File;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * In-container (Arquillian, Payara Micro): every JPA entity against the Flyway schema in
 * PostgreSQL, stored and read back, with the column values PostgreSQL holds.
 */
@ExtendWith(ArquillianExtension.class)
class EntityMappingIT {

    @Deployment
    static WebArchive pikaWithProbe() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("pika.war")))
                .addClasses(MappingProbe.class);
    }

    @EJB
    MappingProbe probe;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void accountsAndTokens() {
        UserAccount account = probe.store(new UserAccount("map-" + unique + "@example.com", "hash", "Map " + unique, "map-" + unique, now,
                Set.of(Role.DJ, Role.ORGANIZER), AccountStatus.PENDING));
        UserToken token = probe.store(new UserToken(account, "a".repeat(56) + unique, "Default", now));

        UserAccount loaded = probe.load(UserAccount.class, account.id());
        assertEquals("map-" + unique + "@example.com", loaded.email());
        assertEquals("Map " + unique, loaded.displayName());
        assertEquals(now, loaded.createdAt());
        assertEquals(AccountStatus.PENDING, loaded.status());
        assertEquals(Set.of(Role.DJ, Role.ORGANIZER), loaded.roles(), "a set of roles, not one role column");
        assertEquals("dj,organizer", probe.column("SELECT string_agg(role, ',' ORDER BY role) FROM user_roles WHERE user_id = ?", account.id()));
        assertEquals("pending", probe.column("SELECT status FROM users WHERE id = ?", account.id()));
        UserToken loadedToken = probe.load(UserToken.class, token.id());
        assertEquals(account.id(), loadedToken.account().id());
        assertEquals(now, loadedToken.createdAt());
        assertNull(loadedToken.lastUsed());
        assertEquals(now.toString(), Instant.parse(probe.column(
                "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM users WHERE id = ?",
                account.id())).toString(), "stored as that instant in UTC");
    }

    @Test
    void sessionsEventsTracksLikesTempo() {
        String sessionId = "pika_map_" + unique;
        probe.store(new SessionRecord(sessionId, null, "DJ Map", now));
        probe.change(SessionRecord.class, sessionId, (SessionRecord s) -> {
            s.end(now.plusSeconds(3600));
            return s;
        });
        SessionRecord session = probe.load(SessionRecord.class, sessionId);
        assertEquals(now, session.startedAt());
        assertEquals(now.plusSeconds(3600), session.endedAt());
        assertNull(session.djUserId());

        SessionEvent event = probe.store(new SessionEvent(sessionId, SessionEvent.Type.CONNECT, now, "{\"clientVersion\":\"0.3.0\"}"));
        SessionEvent loadedEvent = probe.load(SessionEvent.class, event.id());
        assertEquals(SessionEvent.Type.CONNECT, loadedEvent.type());
        assertEquals(json("{\"clientVersion\":\"0.3.0\"}"), json(loadedEvent.metadataJson()));
        assertEquals("connect", probe.column("SELECT event_type FROM session_events WHERE id = ?", event.id()));

        PlayedTrack track = new PlayedTrack(sessionId, "Artist", "Title", now);
        track.analysis(122, "8A", 70, 80, 50, 10, 90);
        track = probe.store(track);
        PlayedTrack loadedTrack = probe.load(PlayedTrack.class, track.id());
        assertEquals(122, loadedTrack.bpm());
        assertEquals("8A", loadedTrack.musicalKey());
        assertEquals(90, loadedTrack.groove());

        Like like = probe.store(new Like(sessionId, "client_" + unique, track.id(), now));
        assertEquals(track.id(), probe.load(Like.class, like.id()).playedTrackId());

        TempoTally tally = probe.store(new TempoTally(sessionId, track.id(), "Artist", "Title", 1, 2, 3, now));
        TempoTally loadedTally = probe.load(TempoTally.class, tally.id());
        assertEquals(List.of(1, 2, 3), List.of(loadedTally.slower(), loadedTally.perfect(), loadedTally.faster()));
    }

    @Test
    void pollsAndVotes() {
        String sessionId = "pika_poll_" + unique;
        probe.store(new SessionRecord(sessionId, null, "DJ Poll", now));
        Poll poll = probe.store(new Poll(sessionId, "Next style?", List.of("Blues", "Pop \"new\"", "Ünïcode"), "A", "T", now, now.plusSeconds(60)));
        Poll loaded = probe.load(Poll.class, poll.id());
        assertEquals(List.of("Blues", "Pop \"new\"", "Ünïcode"), loaded.options());
        assertEquals(Poll.ACTIVE, loaded.status());
        assertEquals("array", probe.column("SELECT jsonb_typeof(options) FROM polls WHERE id = ?", poll.id()));

        probe.store(new PollVote(poll.id(), "client_" + unique, 2, now));
        probe.change(Poll.class, poll.id(), (Poll p) -> {
            p.close(now.plusSeconds(30));
            return p;
        });
        Poll closed = probe.load(Poll.class, poll.id());
        assertFalse(closed.active());
        assertEquals(now.plusSeconds(30), closed.endedAt());
    }

    @Test
    void pushSubscriptions() {
        String endpoint = "https://push.example.com/send/" + unique;
        probe.store(new PushSubscription(endpoint, "p256dh-key", "auth-key", "client_" + unique, now));
        probe.change(PushSubscription.class, endpoint, (PushSubscription s) -> {
            s.unsubscribe(now.plusSeconds(5));
            return s;
        });
        PushSubscription gone = probe.load(PushSubscription.class, endpoint);
        assertEquals(now.plusSeconds(5), gone.unsubscribedAt());
        assertEquals("p256dh-key", gone.p256dh());
        assertEquals("client_" + unique, gone.clientId());
        assertNotNull(gone.createdAt());
    }

    private static JsonStructure json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}
