package stream.pika.crate.control;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.List;

/**
 * How alike two tracks' names are, 0 to 1: the normalized titles' likeness to the power 0.6
 * times the artists' to the power 0.4 (a product, so a perfect title by another artist scores
 * low), where likeness is the mean of Jaro–Winkler (kind to typos) and the Levenshtein ratio
 * (hard on unrelated names), and artists are paired by their main names (a missing featured
 * artist costs little). Fields swapped by the DJ's tags score as well, a little lower.
 */
public final class TrackScoring {

    static final double TITLE_WEIGHT = 0.6;
    /** A swapped artist and title is likely a tagging slip, but less sure than the right order. */
    static final double SWAPPED_PENALTY = 0.95;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private TrackScoring() {
    }

    public static double score(String artist, String title, String candidateArtist, String candidateTitle) {
        double straight = names(TrackNormalizer.artists(artist), TrackNormalizer.title(title),
                TrackNormalizer.artists(candidateArtist), TrackNormalizer.title(candidateTitle));
        double swapped = names(TrackNormalizer.artists(title), TrackNormalizer.title(artist),
                TrackNormalizer.artists(candidateArtist), TrackNormalizer.title(candidateTitle)) * SWAPPED_PENALTY;
        return Math.max(straight, swapped);
    }

    private static double names(List<String> artists, String title, List<String> candidateArtists, String candidateTitle) {
        double titles = similarity(title, candidateTitle);
        return Math.pow(titles, TITLE_WEIGHT) * Math.pow(artistSimilarity(artists, candidateArtists), 1 - TITLE_WEIGHT);
    }

    /** How well the first artists are found among the others (each finds its best match; the mean). */
    static double artistSimilarity(List<String> artists, List<String> others) {
        if (artists.isEmpty() || others.isEmpty()) {
            return artists.isEmpty() && others.isEmpty() ? 1 : 0;
        }
        double forward = artists.stream().mapToDouble(a -> others.stream().mapToDouble(o -> similarity(a, o)).max().orElse(0)).average().orElse(0);
        double backward = others.stream().mapToDouble(o -> artists.stream().mapToDouble(a -> similarity(a, o)).max().orElse(0)).max().orElse(0);
        // Every artist credited here should be found there; the other side may credit more.
        return Math.min(1, 0.8 * forward + 0.2 * backward);
    }

    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        double ratio = 1 - (double) LEVENSHTEIN.apply(a, b) / Math.max(a.length(), b.length());
        return (JARO_WINKLER.apply(a, b) + ratio) / 2;
    }
}
