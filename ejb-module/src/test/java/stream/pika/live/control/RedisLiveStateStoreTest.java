package stream.pika.live.control;

import org.junit.jupiter.api.AfterEach;
import stream.pika.platform.control.LocalRedis;
import stream.pika.platform.control.RedisConnection;

/** The live-state contract, in the local Redis (its Lua scripts). */
class RedisLiveStateStoreTest extends LiveStateStoreContract {

    private RedisConnection redis;

    @Override
    LiveStateStore store() {
        redis = LocalRedis.connect();
        RedisLiveStateStore store = new RedisLiveStateStore(redis);
        store.heartbeat(); // the node is alive: its dancers count (LiveTimers beats at start and every 5 s)
        return store;
    }

    @AfterEach
    void disconnect() {
        if (redis != null) {
            redis.client().getKeys().deleteByPattern(redis.key("*"));
            redis.shutdown();
        }
    }
}
