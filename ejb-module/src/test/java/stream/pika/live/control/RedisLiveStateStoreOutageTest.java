package stream.pika.live.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.FlakyRedis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a node does while Redis misses its calls reaches Redis, and nothing in between makes the
 * node forget it (the reconnect storm lost a live set this way: its DJ's tracks were refused
 * "Session not found" for the rest of the night).
 */
class RedisLiveStateStoreOutageTest {

    private static final Instant T0 = Instant.parse("2026-11-29T21:00:00Z");
    private static final TrackInfo TRACK = new TrackInfo("Valerie", "Amy Winehouse", null, null, null, null, null, null, null);

    private FlakyRedis redis;
    private RedisLiveStateStore store;

    private void open() {
        redis = FlakyRedis.local();
        store = new RedisLiveStateStore(redis);
        store.listen();
        store.heartbeat();
    }

    @AfterEach
    void disconnect() {
        if (redis != null) {
            redis.client().getKeys().deleteByPattern(redis.key("*"));
            redis.shutdown();
        }
    }

    /** The session as Redis holds it, or empty. */
    private Optional<String> inRedis(String sessionId) {
        return Optional.ofNullable(redis.client().<String>getBucket(redis.key("{live}", "session", sessionId), StringCodec.INSTANCE).get());
    }

    @Test
    void aSetStartedWhileRedisWasBusyTakesItsTracksAndReachesRedis() {
        open();
        redis.missesNextCall();
        assertEquals(LiveStateStore.RegistrationKind.STARTED, store.register("busy-set", 7L, "DJ Seven", "conn-a", T0, 10).kind());
        assertFalse(redis.degraded(), "one missed call while Redis answers is not an outage");

        Optional<LiveStateStore.Changed> played = store.change("busy-set", s -> s.playing(TRACK, T0.plusSeconds(10)));

        assertTrue(played.isPresent(), "the DJ's track is refused as if the set did not exist");
        await().atMost(Duration.ofSeconds(10)).until(() -> inRedis("busy-set").filter(json -> json.contains("Valerie")).isPresent());
        assertEquals("Valerie", store.session("busy-set").orElseThrow().currentTrack().title());
        assertTrue(store.sessions().stream().anyMatch(s -> s.sessionId().equals("busy-set")));
    }

    @Test
    void aSetStartedDuringAnOutageReachesRedisEvenWhenItsDjPlaysTheMomentRedisIsBack() {
        redis = FlakyRedis.local();
        AtomicReference<Optional<LiveStateStore.Changed>> playedAtReturn = new AtomicReference<>();
        // Runs first when Redis is back, before the store writes back: a DJ's track arriving at that moment.
        redis.onRecovery(() -> playedAtReturn.set(store.change("away-set", s -> s.playing(TRACK, T0.plusSeconds(20)))));
        store = new RedisLiveStateStore(redis);
        store.listen();
        store.heartbeat();

        redis.goesAway();
        store.heartbeat();
        assertTrue(redis.degraded());
        assertEquals(LiveStateStore.RegistrationKind.STARTED, store.register("away-set", 7L, "DJ Seven", "conn-a", T0, 10).kind());
        store.sessions(); // the lobby asks meanwhile
        redis.comesBack();

        assertTrue(playedAtReturn.get().isPresent(), "the track played at Redis's return was refused");
        String json = inRedis("away-set").orElseThrow(() -> new AssertionError("the set never reached Redis"));
        assertTrue(json.contains("Valerie"), json);
        LiveSession again = store.session("away-set").orElseThrow();
        assertEquals("Valerie", again.currentTrack().title());
    }

    @Test
    void aSetEndedDuringAnOutageIsGoneFromRedisAfterItsReturn() {
        open();
        store.register("ended-set", 7L, "DJ Seven", "conn-a", T0, 10);
        store.addListener("ended-set", "dancer-1", T0, Duration.ofMinutes(5));
        redis.goesAway();
        store.heartbeat();

        assertTrue(store.removeIf("ended-set", s -> true).isPresent());
        assertTrue(store.session("ended-set").isEmpty());
        redis.comesBack();

        assertTrue(inRedis("ended-set").isEmpty());
        assertTrue(store.sessions().stream().noneMatch(s -> s.sessionId().equals("ended-set")));
        assertTrue(store.session("ended-set").isEmpty());
    }

    @Test
    void aDancerWhoLeftWhileRedisWasBusyIsNoLongerCounted() {
        open();
        Instant now = Instant.now(); // the catch-up stamps the wall clock's time on the entries it closes
        store.register("count-set", 7L, "DJ Seven", "conn-a", now, 10);
        assertEquals(1, store.addListener("count-set", "dancer-1", now, Duration.ZERO).listeners());
        redis.missesNextCall();
        store.removeListener("count-set", "dancer-1", now.plusMillis(1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.listenerCount("count-set", Instant.now().plusSeconds(1), Duration.ZERO) == 0);
    }
}
