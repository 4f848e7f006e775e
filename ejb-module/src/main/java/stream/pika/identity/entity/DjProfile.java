package stream.pika.identity.entity;

/** What a DJ account shows of itself: the {@code user} object of the auth API. */
public record DjProfile(Long id, String email, String displayName, String slug) {
}
