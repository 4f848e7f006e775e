package stream.pika.interactions.control;

import org.junit.jupiter.api.AfterEach;
import stream.pika.platform.control.LocalRedis;
import stream.pika.platform.control.RedisConnection;

/** The interactions contract, in the local Redis (its Lua scripts). */
class RedisInteractionStoreTest extends InteractionStoreContract {

    private RedisConnection redis;

    @Override
    InteractionStore store() {
        redis = LocalRedis.connect();
        return new RedisInteractionStore(redis);
    }

    @AfterEach
    void disconnect() {
        if (redis != null) {
            redis.client().getKeys().deleteByPattern(redis.key("*"));
            redis.shutdown();
        }
    }
}
