package stream.pika.crate.entity;

/**
 * A song as a catalog import brings it: Spotify URI (or ISRC) for identity, the names, and what
 * the export carries of its sound (null when absent). Energy is 0–1, BPM as Spotify's tempo.
 */
public record CatalogTrack(String spotifyUri, String isrc, String title, String artist, String album, Integer durationMs,
                           Integer releaseYear, Double bpm, String musicalKey, Double energy) {
}
