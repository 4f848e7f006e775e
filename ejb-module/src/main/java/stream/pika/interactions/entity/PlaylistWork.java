package stream.pika.interactions.entity;

import java.util.List;
import java.util.Map;

/**
 * A dancer's pending "Pika! Likes" work: the playlist (null: not made yet), whether the last
 * send may have half-happened ({@code uncertain}: read the playlist before adding), the queued
 * changes in order, and what the playlist holds of the tracks they name.
 */
public record PlaylistWork(long userId, String playlistId, boolean uncertain, List<Change> changes, Map<String, Entry> entries) {

    public enum Action { ADD, REMOVE }

    /** One like or unlike, as queued (with the liked play, when known: the catalog may know its Spotify URI). */
    public record Change(long id, Action action, String trackKey, String artist, String title, Long playedTrackId) {
    }

    /** A track of the playlist: added under this URI, or searched for and not found (uri null). */
    public record Entry(String uri, boolean added) {
    }
}
