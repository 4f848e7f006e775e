package stream.pika.identity.entity;

import java.time.Instant;
import java.util.List;

/** A user as the admins' user list shows it: who, which roles, where the account stands. */
public record UserSummary(long id, String email, String displayName, String slug, List<String> roles, String status,
                          Instant createdAt) {
}
