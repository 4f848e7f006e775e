package stream.pika.identity.entity;

import java.util.List;

/** A track as Spotify's search answers it. */
public record SpotifyTrack(String uri, String title, List<String> artists, int durationMs) {
}
