package stream.pika.platform.control;

/**
 * When two plays are the same song, for every count that says "songs" (top tracks, a set's
 * recap, a DJ's unique tracks): a play Smart Crate linked is its catalog record, whatever the
 * DJ's tags said; an unlinked play is its own names, letter case aside.
 */
public final class SongIdentity {

    private SongIdentity() {
    }

    /** The SQL expression of the song of the {@code played_tracks} row aliased {@code play}. */
    public static String of(String play) {
        return "coalesce('catalog:' || " + play + ".global_track_id, 'played:' || lower(" + play + ".artist) || '|' || lower("
                + play + ".title))";
    }
}
