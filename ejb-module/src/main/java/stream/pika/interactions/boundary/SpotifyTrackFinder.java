package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.crate.boundary.CatalogLookups;
import stream.pika.crate.boundary.TrackLikeness;
import stream.pika.identity.boundary.SpotifyLibrary;
import stream.pika.identity.entity.SpotifyTrack;
import stream.pika.interactions.control.PlaylistOutbox;
import stream.pika.interactions.control.PlaylistSettings;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Spotify track a liked track is: the catalog's record when Smart Crate linked the play, else a search ({@code track:} and {@code artist:}, then the
 * words alone) scored with the matcher's likeness rule; below the threshold it is "not found".
 * Each track is searched once for every dancer (the answer is kept).
 */
@ApplicationScoped
public class SpotifyTrackFinder {

    private static final Logger LOG = Logger.getLogger(SpotifyTrackFinder.class.getName());
    private static final int CANDIDATES = 5;

    @Inject
    SpotifyLibrary library;

    @Inject
    TrackLikeness likeness;

    @Inject
    CatalogLookups catalog;

    @Inject
    PlaylistOutbox outbox;

    @Inject
    PlaylistSettings settings;

    /**
     * The track's Spotify URI: the catalog's when Smart Crate linked the play, else searched as
     * {@code userId} if not known yet; empty when not found.
     */
    public Optional<String> find(long userId, String trackKey, String artist, String title, Long playedTrackId) {
        if (playedTrackId != null) {
            Optional<String> matched = catalog.spotifyUriOfPlay(playedTrackId);
            if (matched.isPresent()) {
                return matched;
            }
        }
        Optional<PlaylistOutbox.Lookup> known = outbox.lookup(trackKey);
        if (known.isPresent()) {
            return Optional.ofNullable(known.get().uri());
        }
        String song = likeness.songTitle(title);
        List<String> artists = likeness.artists(artist);
        Scored best = new Scored(null, 0);
        if (!song.isEmpty() && !artists.isEmpty()) {
            best = best(artist, title, library.searchTracks(userId, "track:\"" + song + "\" artist:\"" + artists.get(0) + "\"", CANDIDATES));
        }
        if (best.score() < settings.matchThreshold()) {
            // Swapped or odd tags: the words alone.
            Scored loose = best(artist, title, library.searchTracks(userId, (String.join(" ", artists) + " " + song).strip(), CANDIDATES));
            best = loose.score() > best.score() ? loose : best;
        }
        String uri = best.score() >= settings.matchThreshold() ? best.uri() : null;
        outbox.rememberLookup(trackKey, uri, best.score());
        Scored found = best;
        LOG.fine(() -> "Spotify search for " + artist + " - " + title + ": " + (uri == null ? "not found" : uri) + " (likeness " + found.score() + ")");
        return Optional.ofNullable(uri);
    }

    private record Scored(String uri, double score) {
    }

    private Scored best(String artist, String title, List<SpotifyTrack> candidates) {
        return candidates.stream()
                .map(c -> new Scored(c.uri(), likeness.score(artist, title, String.join(", ", c.artists()), c.title())))
                .max(Comparator.comparingDouble(Scored::score))
                .orElse(new Scored(null, 0));
    }
}
