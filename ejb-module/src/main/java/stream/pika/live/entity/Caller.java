package stream.pika.live.entity;

/**
 * Who sent a message: the connection (its id is unique across nodes), the client id it
 * announced first (dancers; null for a DJ app that sends none) and the client's IP as the
 * platform's one client-address rule saw it at the upgrade (null when unknown).
 */
public record Caller(String connectionId, String clientId, String address) {
}
