package stream.pika.interactions.entity;

import java.time.Instant;

/**
 * One of a dancer's likes as their journal lists it, with where it stands in "Pika! Likes":
 * {@code added}, {@code pending}, {@code not-found} (Spotify has no confident match), or null
 * (omitted) when the dancer has no Spotify link.
 */
public record DancerLike(long id, String artist, String title, Instant likedAt, String spotify) {
}
