package stream.pika.platform.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ordered history writes a rule queued, by description, kept instead of written (no database here). */
public final class RecordedWrites extends OrderedWrites {

    public final List<String> submitted = new CopyOnWriteArrayList<>();

    @Override
    public void submit(String key, String description, Runnable action) {
        submitted.add(key + ": " + description);
    }
}
