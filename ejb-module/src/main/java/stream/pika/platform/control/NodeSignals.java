package stream.pika.platform.control;

import java.util.function.Consumer;

/**
 * "Something changed, read it again": a named signal to every node of the platform, this one
 * included, with a short detail (which account); the data itself is in the database. Listeners
 * run on a pool thread, never on the sender's. In memory on one node, over Redis pub/sub on several (within milliseconds; a node
 * that missed one while Redis was away catches up by its own periodic read).
 */
public interface NodeSignals {

    void send(String signal, String detail);

    void listen(String signal, Consumer<String> listener);
}
