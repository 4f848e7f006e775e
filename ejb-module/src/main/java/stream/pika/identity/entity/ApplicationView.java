package stream.pika.identity.entity;

import java.time.Instant;

/** An organizer application as admins and the applicant see it (absent fields are omitted). */
public record ApplicationView(long id, long userId, String email, String displayName, String organization, String website,
                              String message, String status, String reason, Instant submittedAt, Instant decidedAt) {
}
