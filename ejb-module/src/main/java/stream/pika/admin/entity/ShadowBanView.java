package stream.pika.admin.entity;

import java.time.Instant;

/** A shadow ban as the admin API shows it; a lifted one carries who lifted it and when. */
public record ShadowBanView(long id, Long userId, String clientId, String reason, long createdBy, Instant createdAt,
                            Long liftedBy, Instant liftedAt) {
}
