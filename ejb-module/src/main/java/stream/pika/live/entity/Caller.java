package stream.pika.live.entity;

/**
 * Who sent a message: the connection (its id is unique across nodes) and the client id it
 * announced first (dancers; null for a DJ app that sends none).
 */
public record Caller(String connectionId, String clientId) {
}
