package stream.pika.web.container;

import java.util.concurrent.Future;

/** How one connection's messages reach the wire, and how it is let go for good. */
public interface ConnectionLink {

    /**
     * Queues one text message after the ones before it; the future is done once it is written
     * (or failed). Callers write one message at a time per connection.
     */
    Future<?> send(String json);

    /**
     * Releases the connection's socket and whatever is still queued for it, now: for a connection
     * that was closed but whose close could not be written (a phone that stopped reading).
     */
    void abort();
}
