package stream.pika.crate.entity;

/** A play's match as its DJ reviews it: the record proposed or linked, how sure, how found, where it stands. */
public record MatchView(long matchId, Long globalTrackId, String title, String artist, String spotifyUri, double confidence,
                        String method, String status) {
}
