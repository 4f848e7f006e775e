package stream.pika.platform.entity;

import java.time.Instant;

/** An audit row as {@code GET /api/admin/audit} shows it (absent fields omitted). */
public record AuditView(long id, Instant occurredAt, Long actorId, String action, String targetType, String targetId,
                        String reason, String clientIp, String details) {
}
