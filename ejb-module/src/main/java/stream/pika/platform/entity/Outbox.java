package stream.pika.platform.entity;

/**
 * One open client connection on this node, as the topic bus sees it: somewhere to put a message.
 * {@link #send} must never block (the WebSocket adapter queues, and closes a connection that
 * cannot keep up).
 */
public interface Outbox {

    /** Unique across nodes: node id + local number. */
    String id();

    void send(String json);

    /** Closes the connection with this WebSocket close code and reason (the client may reconnect). */
    void close(int code, String reason);
}
