package stream.pika.crate.control;

import java.util.List;

/**
 * What the matcher looks a play up by in the catalog, normalized ({@link TrackNormalizer}): its
 * names read as tagged and read the other way round (artist and title swapped by the tags).
 */
public record PlayKeys(Reading straight, Reading swapped) {

    /** One reading of a play's names: its search text, its artists' names, its song name. */
    public record Reading(String text, List<String> artists, String title) {
    }

    public static PlayKeys of(String artist, String title) {
        return new PlayKeys(reading(artist, title), reading(title, artist));
    }

    /** The search text of the straight reading: the play's key in the catalog. */
    public String text() {
        return straight.text();
    }

    /** A file named "Artist - Title" with no artist is read as such (as {@link TrackNormalizer#searchText}). */
    private static Reading reading(String artist, String title) {
        if ((artist == null || artist.isBlank()) && title != null) {
            int dash = title.indexOf(" - ");
            if (dash > 0) {
                return reading(title.substring(0, dash), title.substring(dash + 3));
            }
        }
        return new Reading(TrackNormalizer.searchText(artist, title), TrackNormalizer.artists(artist), TrackNormalizer.title(title));
    }
}
