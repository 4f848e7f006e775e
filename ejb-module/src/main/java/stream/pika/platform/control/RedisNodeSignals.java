package stream.pika.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;
import stream.pika.platform.entity.NodeIdentity;

import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * {@link NodeSignals} of several nodes: the sender's own listeners run at once, the other nodes'
 * when Redis relays the signal ({@code <prefix>:signals}, pub/sub). A signal Redis does not take
 * is lost for the other nodes; their listeners' periodic reads catch up.
 */
@ApplicationScoped
@Typed(RedisNodeSignals.class)
public class RedisNodeSignals implements NodeSignals {

    private static final Logger LOG = Logger.getLogger(RedisNodeSignals.class.getName());
    private static final char SEPARATOR = '\n';

    @Inject
    RedisConnection redis;

    @Inject
    LocalNodeSignals local;

    private final String node = NodeIdentity.nodeId();
    private RTopic channel;

    @PostConstruct
    void start() {
        channel = redis.client().getTopic(redis.key("signals"), StringCodec.INSTANCE);
        subscribe();
        redis.onRecovery(this::subscribe);
    }

    @PreDestroy
    void stop() {
        if (channel != null) {
            channel.removeAllListeners();
        }
    }

    @Override
    public void send(String signal, String detail) {
        local.deliver(signal, detail);
        try {
            channel.publishAsync(node + SEPARATOR + signal + SEPARATOR + detail).exceptionally(e -> {
                LOG.warning(() -> "Signal '" + signal + "' did not reach the other nodes: " + e.getMessage());
                return null;
            });
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }

    @Override
    public void listen(String signal, Consumer<String> listener) {
        local.listen(signal, listener);
    }

    private void subscribe() {
        try {
            channel.removeAllListeners();
            channel.addListener(String.class, (name, envelope) -> {
                int first = envelope.indexOf(SEPARATOR);
                int second = envelope.indexOf(SEPARATOR, first + 1);
                if (first > 0 && second > first && !envelope.substring(0, first).equals(node)) {
                    local.deliver(envelope.substring(first + 1, second), envelope.substring(second + 1));
                }
            });
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }
}
