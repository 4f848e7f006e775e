package stream.pika.platform.entity;

import java.time.Instant;
import java.util.Optional;

/** A search of the audit trail: each present criterion narrows it; the newest rows come first. */
public record AuditQuery(Optional<Long> actorId, Optional<String> targetId, Optional<String> action,
                         Optional<Instant> from, Optional<Instant> to) {
}
