package stream.pika.live.control;

import org.junit.jupiter.api.Test;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link LiveStateStore} must do, the in-memory one (Java) and the Redis one (Lua)
 * alike: one suite, run against each. Time is passed in, so the clock is fixed.
 */
abstract class LiveStateStoreContract {

    static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");
    static final Duration LINGER = Duration.ofMinutes(5);

    abstract LiveStateStore store();

    @Test
    void registrationStartsResumesAndGuardsOwnership() {
        LiveStateStore store = store();
        LiveStateStore.Registration started = store.register("set-0001", 7L, "DJ Seven", "conn-a", T0, 10);
        assertEquals(LiveStateStore.RegistrationKind.STARTED, started.kind());
        assertTrue(started.session().ownedBy("conn-a"));
        assertEquals(1, store.sessionCount());

        // The same account again (a reconnect on a new connection): resumed, now owned by the new connection.
        LiveStateStore.Registration resumed = store.register("set-0001", 7L, "DJ Seven", "conn-b", T0.plusSeconds(5), 10);
        assertEquals(LiveStateStore.RegistrationKind.RESUMED, resumed.kind());
        assertTrue(store.session("set-0001").orElseThrow().ownedBy("conn-b"));
        assertFalse(store.session("set-0001").orElseThrow().ownedBy("conn-a"));

        // Another account: refused, nothing changes.
        assertEquals(LiveStateStore.RegistrationKind.TAKEN, store.register("set-0001", 8L, "Other", "conn-c", T0, 10).kind());
        assertEquals(7L, store.session("set-0001").orElseThrow().djId());
        assertEquals(LiveStateStore.RegistrationKind.TAKEN, store.register("set-0001", null, "Anon", "conn-d", T0, 10).kind());

        // The node's maximum.
        assertEquals(LiveStateStore.RegistrationKind.STARTED, store.register("set-0002", 8L, "Eight", "conn-e", T0, 2).kind());
        assertEquals(LiveStateStore.RegistrationKind.FULL, store.register("set-0003", 9L, "Nine", "conn-f", T0, 2).kind());
        assertTrue(store.session("set-0003").isEmpty());
    }

    /** Issue 15: one live session per stage; a set that is over holds nothing. */
    @Test
    void aStageIsHeldByOneLiveSessionAtATime() {
        LiveStateStore store = store();
        store.register("stage-set-a", 1L, "One", "conn-a", T0, 10);
        store.register("stage-set-b", 2L, "Two", "conn-b", T0, 10);
        assertTrue(store.claimStage(41L, "stage-set-a"));
        assertTrue(store.claimStage(41L, "stage-set-a"), "a reconnect claims it again");
        assertFalse(store.claimStage(41L, "stage-set-b"), "taken");
        assertTrue(store.claimStage(42L, "stage-set-b"), "another stage is free");

        store.removeIf("stage-set-a", s -> true);
        assertTrue(store.claimStage(41L, "stage-set-b"), "the holder's set is over: the stage is free");
        assertFalse(store.claimStage(41L, "stage-set-a"));
    }

    @Test
    void updatesAndConditionalRemoval() {
        LiveStateStore store = store();
        store.register("set-0010", 1L, "One", "conn-a", T0, 10);
        TrackInfo track = new TrackInfo("Title", "Artist", null, null, null, null, null, null, null);
        Optional<LiveSession> playing = store.update("set-0010", s -> s.playing(track, T0.plusSeconds(1)));
        assertEquals("Title", playing.orElseThrow().currentTrack().title());
        assertEquals("Title", store.session("set-0010").orElseThrow().currentTrack().title());
        assertTrue(store.update("no-such-set", s -> s).isEmpty());

        assertTrue(store.removeIf("set-0010", s -> s.ownedBy("someone-else")).isEmpty(), "the condition holds the removal");
        assertTrue(store.session("set-0010").isPresent());
        assertEquals("set-0010", store.removeIf("set-0010", s -> s.ownedBy("conn-a")).orElseThrow().sessionId());
        assertTrue(store.session("set-0010").isEmpty());
        assertTrue(store.removeIf("set-0010", s -> true).isEmpty(), "removed once");
        assertEquals(0, store.sessionCount());
    }

    @Test
    void broadcastSlotsAndMessageIds() {
        LiveStateStore store = store();
        store.register("set-0020", 1L, "One", "conn-a", T0, 10);
        Duration interval = Duration.ofSeconds(5);
        assertTrue(store.tryBroadcastSlot("set-0020", T0, interval));
        assertFalse(store.tryBroadcastSlot("set-0020", T0.plusSeconds(4), interval), "within the interval");
        assertTrue(store.tryBroadcastSlot("set-0020", T0.plusSeconds(5), interval));

        Duration ttl = Duration.ofMinutes(1);
        assertTrue(store.firstSighting("set-0020", "msg-1", T0, ttl));
        assertFalse(store.firstSighting("set-0020", "msg-1", T0.plusSeconds(10), ttl), "a repeat within the ttl");
        assertTrue(store.firstSighting("set-0020", "msg-2", T0, ttl));
        assertTrue(store.firstSighting("set-0021", "msg-1", T0, ttl), "per session");
        assertTrue(store.firstSighting("set-0020", "msg-1", T0.plus(ttl), ttl), "a repeat after the ttl is new again");
    }

    @Test
    void listenersCountOncePerDancerAndLinger() {
        LiveStateStore store = store();
        store.register("set-0030", 1L, "One", "conn-a", T0, 10);
        assertEquals(1, store.addListener("set-0030", "client-1", T0, LINGER).listeners());
        assertEquals(1, store.addListener("set-0030", "client-1", T0, LINGER).listeners(), "a second tab of the same dancer");
        LiveStateStore.Joined joined = store.addListener("set-0030", "client-2", T0, LINGER);
        assertEquals(2, joined.listeners());
        assertEquals("set-0030", joined.session().orElseThrow().sessionId(), "the joiner gets the session with the count");

        store.removeListener("set-0030", "client-1", T0.plusSeconds(1));
        assertEquals(2, store.listenerCount("set-0030", T0.plusSeconds(2), LINGER), "one tab of client-1 is still open");
        store.removeListener("set-0030", "client-1", T0.plusSeconds(3));
        assertEquals(2, store.listenerCount("set-0030", T0.plusSeconds(4), LINGER), "a phone in a pocket lingers");
        Map<String, Integer> counts = store.listenerCounts(List.of("set-0030", "set-0032"), T0.plusSeconds(4), LINGER);
        assertEquals(Map.of("set-0030", 2, "set-0032", 0), counts, "counted in a batch as one by one");
        assertEquals(1, store.listenerCount("set-0030", T0.plusSeconds(3).plus(LINGER).plusSeconds(1), LINGER), "then it is gone");

        assertEquals(0, store.listenerCount("set-0031", T0, LINGER));
        assertTrue(store.addListener("set-0031", "client-9", T0, LINGER).session().isEmpty(), "no such session");
    }

    @Test
    void dancersLeavingAtDifferentTimesLingerEachTheirOwnTime() {
        LiveStateStore store = store();
        store.register("set-0040", 1L, "One", "conn-a", T0, 10);
        for (String client : List.of("client-a", "client-b", "client-c", "client-d")) {
            store.addListener("set-0040", client, T0, LINGER);
        }
        store.removeListener("set-0040", "client-a", T0.plusSeconds(1));
        store.removeListener("set-0040", "client-d", T0.plusSeconds(30));
        store.removeListener("set-0040", "client-b", T0.plusSeconds(60));
        assertEquals(4, store.listenerCount("set-0040", T0.plusSeconds(2), LINGER), "everyone lingers");
        assertEquals(3, store.listenerCount("set-0040", T0.plusSeconds(2).plus(LINGER), LINGER), "client-a's linger is over");
        assertEquals(3, store.addListener("set-0040", "client-b", T0.plusSeconds(10).plus(LINGER), LINGER).listeners(),
                "client-b is back before its linger ended");
        assertEquals(2, store.listenerCount("set-0040", T0.plusSeconds(31).plus(LINGER), LINGER), "client-d's linger is over");
        assertEquals(2, store.listenerCount("set-0040", T0.plusSeconds(61).plus(LINGER), LINGER),
                "client-b's first departure does not count once it is back");
        store.removeListener("set-0040", "client-b", T0.plusSeconds(400));
        assertEquals(2, store.listenerCount("set-0040", T0.plusSeconds(399).plus(LINGER), LINGER), "client-b lingers again");
        assertEquals(1, store.listenerCount("set-0040", T0.plusSeconds(401).plus(LINGER), LINGER), "then only client-c");
    }
}
