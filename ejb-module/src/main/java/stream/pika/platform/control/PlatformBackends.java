package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import stream.pika.platform.control.TopicBus;

/**
 * Chooses the topic bus, the node signals and the rate limiter: in memory when no Redis is configured (one node,
 * the roadmap's rollback), the Redis ones when it is (several nodes).
 */
@ApplicationScoped
public class PlatformBackends {

    @Produces
    @ApplicationScoped
    TopicBus topicBus(RedisConnection redis, Instance<RedisTopicBus> shared, Instance<InMemoryTopicBus> local) {
        return redis.enabled() ? shared.get() : local.get();
    }

    @Produces
    @ApplicationScoped
    NodeSignals nodeSignals(RedisConnection redis, Instance<RedisNodeSignals> shared, Instance<LocalNodeSignals> local) {
        return redis.enabled() ? shared.get() : local.get();
    }

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter(RedisConnection redis, Instance<RedisRateLimiter> shared, Instance<InMemoryRateLimiter> local) {
        return redis.enabled() ? shared.get() : local.get();
    }
}
