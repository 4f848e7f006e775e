package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import stream.pika.platform.control.RedisConnection;

/** Chooses the live state store: Redis when it is configured (several nodes), else this node's memory. */
@ApplicationScoped
public class LiveStateStores {

    @Produces
    @ApplicationScoped
    LiveStateStore liveStateStore(RedisConnection redis, Instance<RedisLiveStateStore> shared, Instance<InMemoryLiveStateStore> local) {
        return redis.enabled() ? shared.get() : local.get();
    }
}
