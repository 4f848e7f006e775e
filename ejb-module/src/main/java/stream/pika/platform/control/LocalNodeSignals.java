package stream.pika.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@link NodeSignals} of one node: a signal runs this node's listeners on a pool thread. */
@ApplicationScoped
@Typed(LocalNodeSignals.class)
public class LocalNodeSignals implements NodeSignals {

    private static final Logger LOG = Logger.getLogger(LocalNodeSignals.class.getName());

    @Resource
    ManagedExecutorService executor;

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void send(String signal, String detail) {
        deliver(signal, detail);
    }

    @Override
    public void listen(String signal, Consumer<String> listener) {
        listeners.computeIfAbsent(signal, s -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Runs the signal's listeners (each on its own pool task, so one failing does not stop the others). */
    void deliver(String signal, String detail) {
        for (Consumer<String> listener : listeners.getOrDefault(signal, List.of())) {
            executor.execute(() -> {
                try {
                    listener.accept(detail);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A listener of signal '" + signal + "' failed", e);
                }
            });
        }
    }
}
