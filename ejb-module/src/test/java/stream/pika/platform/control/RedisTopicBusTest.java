package stream.pika.platform.control;

import org.junit.jupiter.api.AfterEach;

/** The topic bus contract with the Redis bus (local delivery; the channel to other nodes is live). */
class RedisTopicBusTest extends TopicBusContract {

    private RedisConnection redis;
    private RedisTopicBus bus;

    @Override
    TopicBus bus() {
        redis = LocalRedis.connect();
        bus = new RedisTopicBus(redis, Thread::new);
        bus.start();
        return bus;
    }

    @AfterEach
    void disconnect() {
        if (bus != null) {
            bus.stop();
        }
        if (redis != null) {
            redis.shutdown();
        }
    }
}
