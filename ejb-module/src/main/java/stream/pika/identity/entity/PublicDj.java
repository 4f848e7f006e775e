package stream.pika.identity.entity;

/** What anyone may know of a DJ account: for the DJ's public page. */
public record PublicDj(long id, String displayName) {
}
