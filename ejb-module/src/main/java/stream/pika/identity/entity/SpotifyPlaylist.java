package stream.pika.identity.entity;

/** A playlist Pika! made in a dancer's Spotify: its id, and the address a person opens. */
public record SpotifyPlaylist(String id, String url) {
}
