package stream.pika.interactions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import stream.pika.platform.control.RedisConnection;

/** Chooses the interaction store: Redis when it is configured (several nodes), else this node's memory. */
@ApplicationScoped
public class InteractionStores {

    @Produces
    @ApplicationScoped
    InteractionStore interactionStore(RedisConnection redis, Instance<RedisInteractionStore> shared,
                                      Instance<InMemoryInteractionStore> local) {
        return redis.enabled() ? shared.get() : local.get();
    }
}
