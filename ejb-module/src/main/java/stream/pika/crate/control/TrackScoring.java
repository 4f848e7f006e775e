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
    /** Titles that differ in a version word ("remix", "live") are far apart, however alike the rest. */
    static final double OTHER_VERSION = 0.6;
    static final double UNRELATED = 0.4;
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
        if (!TrackNormalizer.versionWords(title).equals(TrackNormalizer.versionWords(candidateTitle))) {
            titles *= OTHER_VERSION; // a remix or a live take is another recording of the song
        }
        return Math.pow(spread(titles), TITLE_WEIGHT) * Math.pow(spread(artistSimilarity(artists, candidateArtists)), 1 - TITLE_WEIGHT);
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

    /**
     * Whether the names are the same but for slips: each normalized title within one edit (a
     * typo: a letter dropped, swapped, changed), every credited main artist within one edit of
     * one of the other's. Only such a pair may be linked without a person.
     */
    public static boolean nearlySame(String artist, String title, String candidateArtist, String candidateTitle) {
        return closeNames(TrackNormalizer.artists(artist), TrackNormalizer.title(title), candidateArtist, candidateTitle)
                || closeNames(TrackNormalizer.artists(title), TrackNormalizer.title(artist), candidateArtist, candidateTitle);
    }

    private static boolean closeNames(List<String> artists, String title, String candidateArtist, String candidateTitle) {
        List<String> others = TrackNormalizer.artists(candidateArtist);
        return editsApart(title, TrackNormalizer.title(candidateTitle), 1) <= 1 && !artists.isEmpty()
                && artists.stream().allMatch(a -> others.stream().anyMatch(o -> editsApart(a, o, 1) <= 1));
    }

    /**
     * The optimal-string-alignment distance (Levenshtein plus transposition of neighbours), or
     * {@code limit + 1} as soon as it is known to exceed {@code limit}.
     */
    static int editsApart(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowBest = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowBest = Math.min(rowBest, d[i][j]);
            }
            if (rowBest > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    /** Two unrelated names are some 0.4–0.5 alike by these measures: that floor is taken as 0. */
    private static double spread(double similarity) {
        return Math.max(0, (similarity - UNRELATED) / (1 - UNRELATED));
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
