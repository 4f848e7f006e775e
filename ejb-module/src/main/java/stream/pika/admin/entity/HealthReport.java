package stream.pika.admin.entity;

import java.time.Instant;

/**
 * How this node is doing right now.
 *
 * @param databaseUp     whether PostgreSQL answered a query within its timeout
 * @param version        the application's version
 * @param timestamp      when the report was made
 * @param activeSessions sessions live now (absent when the database is down: the original shape)
 * @param redis          "connected" or "unavailable"; null when this node runs without Redis
 */
public record HealthReport(boolean databaseUp, String version, Instant timestamp, Long activeSessions, String redis) {
}
