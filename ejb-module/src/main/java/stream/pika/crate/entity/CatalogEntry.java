package stream.pika.crate.entity;

/** A catalog record as a search lists it. */
public record CatalogEntry(long id, String title, String artist, String album, Integer durationMs, String spotifyUri, boolean verified) {
}
