package stream.pika.interactions.entity;

import java.util.List;

/** The playlist an export made: where it is, how many tracks went in, and which Spotify has not. */
public record ExportResult(String playlistUrl, String name, int added, List<Track> notFound) {

    public record Track(String artist, String title) {
    }
}
