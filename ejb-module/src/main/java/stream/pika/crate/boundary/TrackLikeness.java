package stream.pika.crate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import stream.pika.crate.control.TrackNormalizer;
import stream.pika.crate.control.TrackScoring;

import java.util.List;

/**
 * The matcher's one rule for "is this the same song?", for every caller that compares a played
 * track with a candidate (the catalog, a Spotify search).
 */
@ApplicationScoped
public class TrackLikeness {

    /** 0 to 1: how alike the played track's artist and title are to the candidate's. */
    public double score(String artist, String title, String candidateArtist, String candidateTitle) {
        return TrackScoring.score(artist, title, candidateArtist, candidateTitle);
    }

    /** The song's name as a search names it: no track number, file extension, featured artist or neutral tag. */
    public String songTitle(String title) {
        return TrackNormalizer.title(title);
    }

    /** The main artists' names, normalized, as a search names them. */
    public List<String> artists(String artist) {
        return TrackNormalizer.artists(artist);
    }
}
