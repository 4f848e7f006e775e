package stream.pika.interactions.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;
import stream.pika.platform.control.FlakyRedis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A dancer's vote made while Redis missed the call still reaches the shared tally. */
class RedisInteractionStoreOutageTest {

    private static final Duration LIFE = Duration.ofMinutes(5);
    private FlakyRedis redis;

    @AfterEach
    void disconnect() {
        if (redis != null) {
            redis.client().getKeys().deleteByPattern(redis.key("*"));
            redis.shutdown();
        }
    }

    @Test
    void aTempoVoteWhoseCommandNeverLeftReachesRedisWithinSeconds() {
        redis = FlakyRedis.local();
        RedisInteractionStore store = new RedisInteractionStore(redis);
        Instant now = Instant.now();
        store.voteTempo("tempo-set", "dancer-1", Optional.of(TempoPreference.SLOWER), now, LIFE);

        redis.missesNextCall();
        store.voteTempo("tempo-set", "dancer-2", Optional.of(TempoPreference.FASTER), now, LIFE);
        assertFalse(redis.degraded(), "one missed call while Redis answers is not an outage");

        await().atMost(Duration.ofSeconds(10)).until(() -> store.tempo("tempo-set", now, LIFE).equals(new TempoCounts(1, 1, 0)));
    }

    @Test
    void votesMadeDuringAnOutageReachRedisAtItsReturn() {
        redis = FlakyRedis.local();
        RedisInteractionStore store = new RedisInteractionStore(redis);
        store.listen();
        Instant now = Instant.now();
        store.tempo("tempo-set", now, LIFE); // a read: the running state is mirrored

        redis.goesAway();
        store.voteTempo("tempo-set", "dancer-1", Optional.of(TempoPreference.PERFECT), now, LIFE);
        store.voteTempo("tempo-set", "dancer-2", Optional.of(TempoPreference.PERFECT), now, LIFE);
        redis.comesBack();

        assertEquals(new TempoCounts(0, 0, 2), store.tempo("tempo-set", now, LIFE));
    }
}
