package stream.pika.identity.entity;

/** A DJ who just registered or signed in, with the raw token that is shown to them this once. */
public record SignedInDj(DjProfile dj, String token) {
}
