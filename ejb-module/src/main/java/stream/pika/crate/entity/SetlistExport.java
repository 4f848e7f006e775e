package stream.pika.crate.entity;

import java.util.List;

/** A set exported to the DJ's Spotify: the playlist, the tracks added, and those left out with why. */
public record SetlistExport(String playlistUrl, String name, int added, List<LeftOut> leftOut) {

    /** A play that did not go in: its place in the set, its names, and why (unmatched, needs review, no Spotify URI, not matched yet). */
    public record LeftOut(int position, String artist, String title, String reason) {
    }
}
