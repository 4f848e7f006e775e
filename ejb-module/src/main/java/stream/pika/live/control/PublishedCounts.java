package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The listener count last sent per session, so an unchanged count is not sent again. */
@ApplicationScoped
public class PublishedCounts {

    private final Map<String, Integer> sent = new ConcurrentHashMap<>();

    /** Records the count; true when it is news (changed, or the first non-zero count). */
    public boolean changed(String sessionId, int count) {
        Integer before = sent.put(sessionId, count);
        return before == null ? count > 0 : before != count;
    }

    /** The session ended: a set restarted under the same id gets its first count again. */
    public void forget(String sessionId) {
        sent.remove(sessionId);
    }

    public void forgetIf(Predicate<String> ended) {
        sent.keySet().removeIf(ended);
    }
}
